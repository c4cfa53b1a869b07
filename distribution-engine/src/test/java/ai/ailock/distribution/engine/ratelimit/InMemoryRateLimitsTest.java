package ai.ailock.distribution.engine.ratelimit;

import ai.ailock.distribution.engine.fixtures.InMemoryRateLimits;
import ai.ailock.distribution.engine.fixtures.RateLimitsContract;

class InMemoryRateLimitsTest extends RateLimitsContract {
  @Override
  protected RateLimits newRateLimits() {
    return new InMemoryRateLimits();
  }
}
