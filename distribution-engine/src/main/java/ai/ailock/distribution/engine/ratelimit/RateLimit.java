package ai.ailock.distribution.engine.ratelimit;

import java.time.Duration;

/**
 * A token bucket: at most {@code burst} actions at once, refilled at {@code perMinute} actions a minute.
 *
 * @param burst bucket size, at least 1
 * @param perMinute refill rate, more than 0
 */
public record RateLimit(int burst, double perMinute) {

  public RateLimit {
    if (burst < 1) {
      throw new IllegalArgumentException("a rate limit's burst must be at least 1");
    }
    if (!(perMinute > 0) || Double.isInfinite(perMinute)) {
      throw new IllegalArgumentException("a rate limit's refill rate must be a positive number per minute");
    }
  }

  /** @return tokens added per second */
  public double perSecond() {
    return perMinute / 60;
  }

  /** @return how long it takes to refill {@code tokens} tokens, rounded up to whole seconds */
  public Duration timeToRefill(double tokens) {
    return Duration.ofSeconds((long) Math.ceil(Math.max(0, tokens) / perSecond() - 1e-9));
  }

  /** @return the time after which an untouched bucket is full again, so its record can be forgotten */
  public Duration timeToFill() {
    return timeToRefill(burst);
  }
}
