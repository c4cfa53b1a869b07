package ai.ailock.distribution.client.delivery;

import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.transfer.HttpContentSource;
import java.util.Map;

/**
 * A transfer's manifest and chunks read by its buyer through the download session its claim opened
 * ({@code products-download-manifest?transfer_id=}, {@code products-download-chunk?transfer_id=}): every request is
 * signed by the buyer's key (the proof of possession) and carries the claim token in the {@code Ailock-Claim} header,
 * never in the URL. Partial chunks continue with {@code Range}. Thread-safe.
 */
public final class ClaimContentSource extends HttpContentSource {
  public static final String CLAIM_HEADER = "Ailock-Claim";

  public ClaimContentSource(SignedHttp http, String transferId, String claimToken) {
    super(http, Map.of("transfer_id", transferId), Map.of(CLAIM_HEADER, claimToken));
  }
}
