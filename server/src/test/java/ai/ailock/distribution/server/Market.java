package ai.ailock.distribution.server;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.schemas.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario steps for transfer tests over HTTP: a seller with a published (ready) product, a buyer, an offer. Each test
 * builds its own Ailocks and products.
 */
public final class Market {
  public static final int CHUNK = 64 * 1024;

  private final int port;
  private final Clock clock;

  public Market(int port, Clock clock) {
    this.port = port;
    this.clock = clock;
  }

  public TestAilock ailock() {
    return TestAilock.register(port, clock);
  }

  public static Commerce commerce(TestAilock ailock) {
    return new Commerce(ailock.http());
  }

  /** A policy priced 1500 usd whose buyer must give a company name before paying and a URL and a logo after. */
  public static ObjectNode policyWithInputs() {
    return (ObjectNode) WireJson.mapper().readTree("""
        {"retention_days": 7, "download_limit": 2, "price": {"amount": 1500, "currency": "usd"},
         "required_inputs": [
           {"id": "company", "label": "Company name", "type": "text", "timing": "pre_payment", "required": true,
            "constraints": {"max_len": 40}},
           {"id": "brief", "label": "Brief", "type": "textarea", "timing": "pre_payment", "required": false},
           {"id": "website", "label": "Website", "type": "url", "timing": "post_payment_pre_grant", "required": true,
            "constraints": {"max_len": 200}},
           {"id": "logo", "label": "Logo", "type": "file", "timing": "post_payment_pre_grant", "required": true,
            "constraints": {"mime_types": ["image/png", "image/svg+xml"], "max_size_mb": 1}}]}
        """);
  }

  public static ObjectNode pricedPolicy(long amount, String currency) {
    ObjectNode policy = WireJson.mapper().createObjectNode();
    policy.putObject("price").put("amount", amount).put("currency", currency);
    return policy;
  }

  /** Creates a product with {@code policy}, uploads its (stand-in) ciphertext and completes it. @return its id */
  public String publishedProduct(TestAilock seller, ObjectNode policy) {
    long size = 1000;
    String productId = seller.http().postJson("products-create", Map.of("title", "Logo pack",
        "content_type", "application/zip", "size", size, "policy", policy)).get("product_id").asString();
    var ciphertext = new TestCiphertext(size, CHUNK, productId.hashCode());
    String uploadId = seller.http().postJson("products-upload-init", Map.of("product_id", productId,
        "ciphertext_length", ciphertext.length(), "chunk_size", CHUNK)).get("upload_id").asString();
    for (int i = 0; i < ciphertext.chunkCount(); i++) {
      byte[] chunk = ciphertext.chunk(i);
      seller.http().postBytes("products-upload-chunk", Map.of("upload_id", uploadId, "index", Integer.toString(i)),
          chunk, 0, chunk.length, TestCiphertext.hex(chunk));
    }
    seller.http().postJson("products-upload-complete", Map.of("upload_id", uploadId, "ciphertext_sha256",
        ciphertext.sha256(), "manifest", ciphertext.signedManifest(productId, seller.keys())));
    return productId;
  }

  /** The seller offers a freshly published product with {@code policy} to the buyer. */
  public TransferInfo offer(TestAilock seller, TestAilock buyer, ObjectNode policy) {
    return commerce(seller).offer(publishedProduct(seller, policy), buyer.ailockId(), Commerce.Terms.productDefaults());
  }

  /** A signed JSON POST whose refusal is read raw, to see every member of the problem. */
  public Answer post(TestAilock ailock, String function, Object body) {
    return post(ailock, function, body, Map.of());
  }

  public Answer get(TestAilock ailock, String function, Map<String, String> query) {
    return get(ailock, function, query, Map.of());
  }

  /** A signed GET with extra headers (a claim token, a range), answered as JSON. */
  public Answer get(TestAilock ailock, String function, Map<String, String> query, Map<String, String> headers) {
    Raw raw = getRaw(ailock, function, query, headers);
    return new Answer(raw.status(), WireJson.mapper().readTree(raw.body()));
  }

  /** A signed JSON POST with extra headers (a claim token). */
  public Answer post(TestAilock ailock, String function, Object body, Map<String, String> headers) {
    Raw raw = postRaw(ailock, function, body, headers);
    return new Answer(raw.status(), WireJson.mapper().readTree(raw.body()));
  }

  /** A signed JSON POST with extra headers, answered with its headers and raw bytes. */
  public Raw postRaw(TestAilock ailock, String function, Object body, Map<String, String> headers) {
    byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
    SignedHttp.Signed signed = ailock.http().sign("POST", function, Map.of(), SignedHttp.sha256(bytes, 0, bytes.length));
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.uri()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    signed.headers().forEach(request::header);
    headers.forEach(request::header);
    return sendRaw(request.build());
  }

  /** A signed GET answered with raw bytes (a chunk). */
  public Raw getRaw(TestAilock ailock, String function, Map<String, String> query, Map<String, String> headers) {
    SignedHttp.Signed signed = ailock.http().sign("GET", function, query,
        ai.ailock.distribution.schemas.RequestSigning.EMPTY_SHA256);
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.uri()).GET();
    signed.headers().forEach(request::header);
    headers.forEach(request::header);
    return sendRaw(request.build());
  }

  /** Sends a prepared request as it is (to replay one, or to leave its signature out). */
  public static Raw sendRaw(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(response.statusCode(), response.headers(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A status, headers and body bytes. */
  public record Raw(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public String code() {
      return WireJson.mapper().readTree(body).path("code").asString();
    }
  }

  public URI functions() {
    return URI.create("http://127.0.0.1:" + port + "/.netlify/functions");
  }

  /** A status and JSON body (an answer or a problem). */
  public record Answer(int status, JsonNode body) {
    public String code() {
      return body.path("code").asString();
    }
  }
}
