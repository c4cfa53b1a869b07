package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link UploadService} over the service's signed HTTP functions. Thread-safe. */
public final class HttpUploadService implements UploadService {
  private final SignedHttp http;

  public HttpUploadService(SignedHttp http) {
    this.http = http;
  }

  @Override
  public String createProduct(ProductDraft draft, long size) {
    ProductDraft.CopyFor copy = draft.copyFor();
    if (copy != null) {
      ObjectNode body = WireJson.mapper().createObjectNode();
      body.put("transfer_id", copy.transferId());
      body.put("content_type", draft.contentType());
      body.put("size", size);
      body.put("license_fingerprint", copy.licenseFingerprint());
      return http.postJson("transfers-copy-create", body).path("product_id").asString();
    }
    ObjectNode body = WireJson.mapper().createObjectNode();
    body.put("title", draft.title());
    body.put("content_type", draft.contentType());
    body.put("size", size);
    if (draft.policy() != null) {
      body.set("policy", draft.policy());
    }
    return http.postJson("products-create", body).path("product_id").asString();
  }

  @Override
  public UploadSessionInfo initUpload(String productId, long ciphertextLength, @Nullable Integer chunkSize) {
    ObjectNode body = WireJson.mapper().createObjectNode();
    body.put("product_id", productId);
    body.put("ciphertext_length", ciphertextLength);
    if (chunkSize != null) {
      body.put("chunk_size", chunkSize);
    }
    return session(http.postJson("products-upload-init", body));
  }

  @Override
  public UploadSessionInfo uploadStatus(String uploadId) {
    return session(http.getJson("products-upload-status", Map.of("upload_id", uploadId)));
  }

  @Override
  public void putChunk(String uploadId, int index, byte[] bytes, int length, String sha256) {
    http.postBytes("products-upload-chunk", Map.of("upload_id", uploadId, "index", Integer.toString(index)), bytes,
        0, length, sha256);
  }

  @Override
  public CompletedUpload completeUpload(String uploadId, String ciphertextSha256, Manifest manifest) {
    ObjectNode body = WireJson.mapper().createObjectNode();
    body.put("upload_id", uploadId);
    body.put("ciphertext_sha256", ciphertextSha256);
    body.set("manifest", manifest.toJson());
    JsonNode answer = http.postJson("products-upload-complete", body);
    return new CompletedUpload(answer.path("product_id").asString(), answer.path("version").asInt(),
        answer.path("status").asString(), answer.path("ciphertext_length").asLong(),
        answer.path("ciphertext_sha256").asString(), answer.path("manifest_sha256").asString(),
        Instant.parse(answer.path("ready_at").asString()), Instant.parse(answer.path("expires_at").asString()));
  }

  private static UploadSessionInfo session(JsonNode answer) {
    return new UploadSessionInfo(answer.path("upload_id").asString(), answer.path("product_id").asString(),
        answer.path("version").asInt(), answer.path("state").asString(), answer.path("ciphertext_length").asLong(),
        answer.path("chunk_size").asInt(), answer.path("chunk_count").asInt(),
        Instant.parse(answer.path("expires_at").asString()), indices(answer.path("received")),
        indices(answer.path("missing")));
  }

  private static List<Integer> indices(JsonNode array) {
    List<Integer> indices = new ArrayList<>(array.size());
    for (JsonNode index : array) {
      indices.add(index.asInt());
    }
    return indices;
  }
}
