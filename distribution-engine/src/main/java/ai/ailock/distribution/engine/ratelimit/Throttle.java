package ai.ailock.distribution.engine.ratelimit;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.identity.AilockId;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the rate limits: each use case that a caller could repeat cheaply calls {@link #take} first, before its
 * own work, so the limit holds the same through HTTP, the inbox and {@code ailock-batch}. Called outside a
 * transaction (HTTP), a refused attempt still counts; inside one (the dispatcher's, a batch op's) the count rolls back
 * with the refusal, as every other change does. Immutable and thread-safe.
 */
public final class Throttle {
  private final RateLimits buckets;
  private final Map<ThrottledAction, RateLimit> limits;
  private final Clock clock;

  /** @param limits the limit of each action; an action without one is not limited */
  public Throttle(RateLimits buckets, Map<ThrottledAction, RateLimit> limits, Clock clock) {
    this.buckets = buckets;
    this.limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
    this.clock = clock;
  }

  /**
   * Takes one {@code action} from {@code caller}'s budget.
   *
   * @throws DistributionException {@code rate_limited} with the time to wait, if the budget is used up
   */
  public void take(AilockId caller, ThrottledAction action) {
    RateLimit limit = limits.get(action);
    if (limit == null) {
      return;
    }
    Optional<Duration> wait = buckets.take(caller.value(), action, limit, clock.instant());
    if (wait.isPresent()) {
      Duration retryAfter = wait.get().isZero() ? Duration.ofSeconds(1) : wait.get();
      throw DistributionException.rateLimited("too many " + action.wire() + " requests: at most " + limit.burst()
          + " at once and " + format(limit.perMinute()) + " a minute; retry in " + retryAfter.toSeconds() + " s",
          retryAfter);
    }
  }

  /** Forgets every bucket that has been idle long enough to be full again. @return how many were forgotten */
  public int forgetFullBuckets() {
    int forgotten = 0;
    for (Map.Entry<ThrottledAction, RateLimit> entry : limits.entrySet()) {
      forgotten += buckets.forgetIdleSince(entry.getKey(), clock.instant().minus(entry.getValue().timeToFill()));
    }
    return forgotten;
  }

  private static String format(double perMinute) {
    return perMinute == Math.rint(perMinute) ? Long.toString((long) perMinute) : Double.toString(perMinute);
  }
}
