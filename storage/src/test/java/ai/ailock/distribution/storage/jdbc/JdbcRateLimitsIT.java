package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.fixtures.RateLimitsContract;
import ai.ailock.distribution.engine.ratelimit.RateLimits;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcRateLimits} against the {@link RateLimits} contract (concurrent takers included), on a fresh database. */
class JdbcRateLimitsIT extends RateLimitsContract {
  @Override
  protected RateLimits newRateLimits() {
    return new JdbcRateLimits(JdbcClient.create(MigratedDatabase.fresh()));
  }
}
