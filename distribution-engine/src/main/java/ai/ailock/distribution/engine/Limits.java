package ai.ailock.distribution.engine;

import java.time.Duration;

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

  public static Limits defaults() {
    return new Limits(200L * 1024 * 1024, 4 * 1024 * 1024, Duration.ofHours(24));
  }
}
