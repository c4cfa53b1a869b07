package ai.ailock.distribution.client.transfer;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How uploads and downloads run.
 *
 * @param parallelism chunks in flight at once (1-32; default 4). Memory is about {@code parallelism + 2} chunks.
 * @param chunkSize the transport chunk size to ask {@code products-upload-init} for (the service clamps it to
 *     [64 KiB, 4 MiB]), or null for the service's maximum; downloads use the manifest's
 * @param maxAttempts tries per chunk or call before a transient failure (transport error, 5xx, 408, 429) is final
 * @param initialBackoff pause after the first failure; doubled after each further one, with jitter
 */
public record TransferOptions(int parallelism, @Nullable Integer chunkSize, int maxAttempts, Duration initialBackoff,
    ContentScanner scanner) {

  public TransferOptions {
    if (parallelism < 1 || parallelism > 32) {
      throw new IllegalArgumentException("parallelism must be 1-32, was " + parallelism);
    }
    if (chunkSize != null && chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative");
    }
  }

  /** @return 4 chunks in flight, the service's chunk size, 5 attempts, 250 ms initial backoff, no scanner */
  public static TransferOptions defaults() {
    return new TransferOptions(4, null, 5, Duration.ofMillis(250), ContentScanner.NONE);
  }

  public TransferOptions withParallelism(int newParallelism) {
    return new TransferOptions(newParallelism, chunkSize, maxAttempts, initialBackoff, scanner);
  }

  public TransferOptions withChunkSize(@Nullable Integer newChunkSize) {
    return new TransferOptions(parallelism, newChunkSize, maxAttempts, initialBackoff, scanner);
  }

  public TransferOptions withRetries(int newMaxAttempts, Duration newInitialBackoff) {
    return new TransferOptions(parallelism, chunkSize, newMaxAttempts, newInitialBackoff, scanner);
  }

  /** @param newScanner judges each download's plaintext before the file appears */
  public TransferOptions withScanner(ContentScanner newScanner) {
    return new TransferOptions(parallelism, chunkSize, maxAttempts, initialBackoff, newScanner);
  }

  Retry retry() {
    return new Retry(maxAttempts, initialBackoff);
  }
}
