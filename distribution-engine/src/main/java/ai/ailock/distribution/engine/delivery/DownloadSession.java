package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One download of a transfer's product, opened by redeeming a claim ({@code dist_download_sessions}). Inside it,
 * the manifest and chunks may be fetched any number of times (retries, resumed chunks, ranges). It completes once:
 * when every chunk has been served at least once, or when the buyer's receipt arrives; a completed session counts
 * one download against the transfer's {@code download_limit}.
 *
 * @param chunkCount chunks in the product version being downloaded
 * @param completedBy {@code chunks} or {@code receipt}, once completed
 */
public record DownloadSession(UUID id, UUID claimJti, TransferId transfer, AilockId recipient, int chunkCount,
    Instant openedAt, Instant expiresAt, @Nullable Instant completedAt, @Nullable String completedBy,
    @Nullable Instant revokedAt, long bytesServed) {

  public static final String BY_CHUNKS = "chunks";
  public static final String BY_RECEIPT = "receipt";

  public boolean completed() {
    return completedAt != null;
  }

  /** @return true while chunks may be served: not revoked and not expired */
  public boolean live(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** @return true while it holds a unit of the download budget without having completed */
  public boolean running(Instant now) {
    return live(now) && completedAt == null;
  }
}
