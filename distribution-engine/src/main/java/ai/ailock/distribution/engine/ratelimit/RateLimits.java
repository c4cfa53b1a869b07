package ai.ailock.distribution.engine.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The buckets behind {@link Throttle}, shared by every instance. Implementations are atomic per bucket and
 * thread-safe; they take part in the caller's transaction when there is one.
 */
public interface RateLimits {

  /**
   * Takes one token from the bucket of {@code subject} and {@code action}, first refilling it for the time passed
   * since it was last used (a new bucket starts full).
   *
   * @return empty if the token was taken; otherwise how long until one is available (nothing was taken)
   */
  Optional<Duration> take(String subject, ThrottledAction action, RateLimit limit, Instant now);

  /**
   * Forgets buckets untouched since {@code before}: they are full again, as if new.
   *
   * @return how many were forgotten
   */
  int forgetIdleSince(ThrottledAction action, Instant before);
}
