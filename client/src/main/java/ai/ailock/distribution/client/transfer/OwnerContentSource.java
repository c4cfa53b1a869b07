package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.http.SignedHttp;
import java.io.IOException;
import java.io.InputStream;
import ai.ailock.distribution.client.http.SignedHttp.Response;
import java.util.Map;

/**
 * A product's manifest and chunks read back by its owner ({@code products-download-manifest},
 * {@code products-download-chunk}), continuing partial chunks with {@code Range}. Thread-safe.
 */
public final class OwnerContentSource implements ContentSource {
  private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

  private final SignedHttp http;
  private final String productId;

  public OwnerContentSource(SignedHttp http, String productId) {
    this.http = http;
    this.productId = productId;
  }

  @Override
  public byte[] manifest() throws IOException {
    Response response = http.get("products-download-manifest", Map.of("product_id", productId),
        Map.of());
    try (InputStream body = response.body()) {
      byte[] bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
      if (bytes.length > MAX_MANIFEST_BYTES) {
        throw new IOException("the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
      }
      return bytes;
    }
  }

  @Override
  public InputStream chunk(int index, long from) throws IOException {
    Map<String, String> headers = from > 0 ? Map.of("Range", "bytes=" + from + "-") : Map.of();
    Response response = http.get("products-download-chunk",
        Map.of("product_id", productId, "index", Integer.toString(index)), headers);
    InputStream body = response.body();
    if (from > 0 && response.statusCode() == 206) {
      String range = response.headers().firstValue("Content-Range").orElse("");
      if (!range.startsWith("bytes " + from + "-")) {
        body.close();
        throw new IOException("chunk " + index + ": asked for bytes from " + from + ", got '" + range + "'");
      }
    } else if (from > 0) {
      body.skipNBytes(from); // the server ignored the range: skip what we already have
    }
    return body;
  }
}
