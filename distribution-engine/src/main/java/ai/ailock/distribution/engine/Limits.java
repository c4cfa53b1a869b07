package ai.ailock.distribution.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Service limits.
 *
 * @param maxProductBytes largest plaintext product accepted (default 200 MiB)
 * @param maxChunkBytes largest transport chunk (default 4 MiB)
 * @param uploadSessionTtl how long an unfinished upload session lives (default 24 h)
 */
public record Limits(long maxProductBytes, int maxChunkBytes, Duration uploadSessionTtl) {
  public static final int MIN_CHUNK_BYTES = 64 * 1024;

  public Limits {
    if (maxProductBytes < 1 || maxChunkBytes < MIN_CHUNK_BYTES || uploadSessionTtl.isNegative()
        || uploadSessionTtl.isZero()) {
      throw new IllegalArgumentException("invalid limits");
    }
  }

  /**
   * @param requested the client's preferred chunk size, or null
   * @return the chunk size an upload gets: the request clamped to [{@value #MIN_CHUNK_BYTES}, maxChunkBytes], or the
   *     maximum when nothing was requested
   */
  public int chunkSize(@Nullable Integer requested) {
    return requested == null ? maxChunkBytes : Math.max(MIN_CHUNK_BYTES, Math.min(requested, maxChunkBytes));
  }

  public static Limits defaults() {
    return new Limits(200L * 1024 * 1024, 4 * 1024 * 1024, Duration.ofHours(24));
  }
}
