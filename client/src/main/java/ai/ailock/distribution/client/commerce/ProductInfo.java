package ai.ailock.distribution.client.commerce;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One of this Ailock's products as {@code products-get} and {@code products-list} answer it (docs/api.md).
 *
 * @param status {@code draft}, {@code ready} or {@code purged}
 * @param version the published content's version, or null before the upload completed
 * @param manifestSha256 the published manifest's SHA-256, or null before the upload completed
 * @param expiresAt when the content's retention ends (ISO-8601), or null before the upload completed
 * @param json the whole answer, for members this record does not name (policy, hashes, times)
 */
public record ProductInfo(String productId, String status, String title, String contentType, long size,
    @Nullable Integer version, @Nullable String manifestSha256, @Nullable String expiresAt, JsonNode json) {

  public static ProductInfo of(JsonNode json) {
    return new ProductInfo(json.path("product_id").asString(), json.path("status").asString(),
        json.path("title").asString(), json.path("content_type").asString(), json.path("size").asLong(),
        json.has("version") ? json.path("version").asInt() : null,
        json.has("manifest_sha256") ? json.path("manifest_sha256").asString() : null,
        json.has("expires_at") ? json.path("expires_at").asString() : null, json);
  }
}
