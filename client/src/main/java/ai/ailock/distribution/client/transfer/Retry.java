package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.http.DistributionApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries transient failures with exponential backoff and jitter: transport errors and answers 5xx, 408 and 429.
 * Other refusals (4xx: a conflict, a hash mismatch, a validation failure) are fatal and thrown at once. A 429 that
 * says when to come back ({@code Retry-After}) is waited out, never retried sooner; one that asks for more than
 * {@link #LONGEST_WAIT} is not worth holding a transfer for and is thrown at once.
 */
public final class Retry {
  @FunctionalInterface
  interface Attempt<T> {
    T run() throws Exception;
  }

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  /** The longest wait a service's {@code Retry-After} may impose before a retry; a longer one fails at once. */
  public static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

  private final int maxAttempts;
  private final Duration initialBackoff;

  Retry(int maxAttempts, Duration initialBackoff) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
  }

  <T> T call(Attempt<T> attempt) throws Exception {
    for (int failures = 1; ; failures++) {
      try {
        return attempt.run();
      } catch (Exception e) {
        if (failures >= maxAttempts || !isTransient(e)) {
          throw e;
        }
        pause(failures, e);
      }
    }
  }

  /**
   * Sleeps before attempt {@code failures + 1}: initial × 2^(failures-1), ±25 %, at most 10 s, or longer if
   * {@code cause} said when to come back.
   */
  void pause(int failures, Throwable cause) throws InterruptedIOException {
    try {
      Thread.sleep(waitBefore(cause, backoff(initialBackoff, failures, MAX_BACKOFF)).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while backing off");
    }
  }

  /** @return the pause after {@code failures} failures: {@code initial} × 2^(failures-1), at most {@code max}, ±25 % */
  public static Duration backoff(Duration initial, int failures, Duration max) {
    long base = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures - 1, 10));
    long jitter = base / 4 == 0 ? 0 : ThreadLocalRandom.current().nextLong(-base / 4, base / 4 + 1);
    return Duration.ofMillis(Math.max(0, base + jitter));
  }

  /** @return {@code backoff}, or the wait the service asked for in {@code cause} if that is longer */
  public static Duration waitBefore(Throwable cause, Duration backoff) {
    Duration asked = cause instanceof DistributionApiException refused ? refused.retryAfter().orElse(Duration.ZERO)
        : Duration.ZERO;
    return asked.compareTo(backoff) > 0 ? asked : backoff;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /** Rethrows a failure caught as {@code Exception} or {@code Throwable} with its precise type. */
  static IOException rethrow(Throwable e) throws IOException, java.security.GeneralSecurityException {
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof java.security.GeneralSecurityException security) {
      throw security;
    }
    throw new IOException(e);
  }

  /**
   * @return true for a failure worth retrying: a transport error, or an answer 5xx, 408 or 429 that does not ask to
   *     wait longer than {@link #LONGEST_WAIT}
   */
  public static boolean isTransient(Throwable e) {
    if (e instanceof DistributionApiException refused) {
      int status = refused.status();
      boolean soon = refused.retryAfter().map(wait -> wait.compareTo(LONGEST_WAIT) <= 0).orElse(true);
      return (status >= 500 || status == 408 || status == 429) && soon;
    }
    if (e instanceof InterruptedIOException && !(e instanceof java.net.http.HttpTimeoutException)) {
      return false;
    }
    return (e instanceof IOException && !(e instanceof FileChangedException))
        || e instanceof UncheckedIOException;
  }
}
