package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.http.SignedHttp;
import java.util.Map;

/**
 * A product's manifest and chunks read back by its owner ({@code products-download-manifest?product_id=},
 * {@code products-download-chunk?product_id=}), continuing partial chunks with {@code Range}. Thread-safe.
 */
public final class OwnerContentSource extends HttpContentSource {

  public OwnerContentSource(SignedHttp http, String productId) {
    super(http, Map.of("product_id", productId), Map.of());
  }
}
