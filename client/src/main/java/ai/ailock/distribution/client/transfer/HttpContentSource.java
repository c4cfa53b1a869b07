package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.http.SignedHttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A manifest and its chunks read over the service's signed download functions ({@code products-download-manifest},
 * {@code products-download-chunk}), for whatever the query names (a product of its owner, a transfer of its buyer)
 * and with whatever headers that access needs; partial chunks continue with {@code Range}. Thread-safe.
 */
public class HttpContentSource implements ContentSource {
  private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

  private final SignedHttp http;
  private final Map<String, String> subject;
  private final Map<String, String> headers;

  /**
   * @param subject the query parameter that names the content, e.g. {@code product_id}
   * @param headers sent with every request, e.g. a claim token
   */
  protected HttpContentSource(SignedHttp http, Map<String, String> subject, Map<String, String> headers) {
    this.http = http;
    this.subject = Map.copyOf(subject);
    this.headers = Map.copyOf(headers);
  }

  @Override
  public final byte[] manifest() throws IOException {
    Response response = http.get("products-download-manifest", subject, headers);
    try (InputStream body = response.body()) {
      byte[] bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
      if (bytes.length > MAX_MANIFEST_BYTES) {
        throw new IOException("the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
      }
      return bytes;
    }
  }

  @Override
  public final InputStream chunk(int index, long from) throws IOException {
    Map<String, String> request = new HashMap<>(headers);
    if (from > 0) {
      request.put("Range", "bytes=" + from + "-");
    }
    Map<String, String> query = new HashMap<>(subject);
    query.put("index", Integer.toString(index));
    Response response = http.get("products-download-chunk", query, request);
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
