package ai.ailock.distribution.client.delivery;

import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.http.SignedHttp.Response;
import ai.ailock.distribution.client.transfer.ContentSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A transfer's manifest and chunks read by its buyer through the download session its claim opened
 * ({@code products-download-manifest?transfer_id=}, {@code products-download-chunk?transfer_id=}): every request is
 * signed by the buyer's key (the proof of possession) and carries the claim token in the {@code Ailock-Claim} header,
 * never in the URL. Partial chunks continue with {@code Range}. Thread-safe.
 */
public final class ClaimContentSource implements ContentSource {
  public static final String CLAIM_HEADER = "Ailock-Claim";
  private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

  private final SignedHttp http;
  private final String transferId;
  private final String claimToken;

  public ClaimContentSource(SignedHttp http, String transferId, String claimToken) {
    this.http = http;
    this.transferId = transferId;
    this.claimToken = claimToken;
  }

  @Override
  public byte[] manifest() throws IOException {
    Response response = http.get("products-download-manifest", Map.of("transfer_id", transferId),
        Map.of(CLAIM_HEADER, claimToken));
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
    Map<String, String> headers = new HashMap<>(Map.of(CLAIM_HEADER, claimToken));
    if (from > 0) {
      headers.put("Range", "bytes=" + from + "-");
    }
    Response response = http.get("products-download-chunk",
        Map.of("transfer_id", transferId, "index", Integer.toString(index)), headers);
    InputStream body = response.body();
    if (from > 0 && response.statusCode() == 206) {
      String range = response.headers().firstValue("Content-Range").orElse("");
      if (!range.startsWith("bytes " + from + "-")) {
        body.close();
        throw new IOException("chunk " + index + ": asked for bytes from " + from + ", got '" + range + "'");
      }
    } else if (from > 0) {
      body.skipNBytes(from);
    }
    return body;
  }
}
