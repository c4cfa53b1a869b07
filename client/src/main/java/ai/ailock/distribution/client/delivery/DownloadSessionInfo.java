package ai.ailock.distribution.client.delivery;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A download session opened by {@code products-claim}. */
public record DownloadSessionInfo(String sessionId, String transferId, String productId, int chunkCount,
    Instant expiresAt, String manifestSha256, int downloadLimit, int downloadsCompleted) {

  static DownloadSessionInfo of(JsonNode json) {
    return new DownloadSessionInfo(json.path("session_id").asString(), json.path("transfer_id").asString(),
        json.path("product_id").asString(), json.path("chunk_count").asInt(),
        Instant.parse(json.path("expires_at").asString()), json.path("manifest_sha256").asString(),
        json.path("download_limit").asInt(), json.path("downloads_completed").asInt());
  }
}
