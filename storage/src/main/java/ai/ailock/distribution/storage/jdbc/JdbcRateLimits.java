package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.ratelimit.RateLimit;
import ai.ailock.distribution.engine.ratelimit.RateLimits;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RateLimits} on {@code dist_rate_limits}: one statement refills and takes atomically (an upsert whose update
 * applies only when a whole token is available), so concurrent requests on any instance never take more than the
 * bucket holds. A refused take reads the bucket once more to say how long to wait.
 */
public final class JdbcRateLimits implements RateLimits {
  /** Tokens in the bucket at {@code :now}: refilled for the time since the last take, capped at the burst. */
  private static final String AVAILABLE = "LEAST(:burst, b.tokens + :per_second"
      + " * GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - b.updated_at))))";

  private final JdbcClient jdbc;

  public JdbcRateLimits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Duration> take(String subject, ThrottledAction action, RateLimit limit, Instant now) {
    boolean taken = !jdbc.sql("""
            INSERT INTO dist_rate_limits AS b (subject, action, tokens, updated_at)
            VALUES (:subject, :action, :burst - 1, :now)
            ON CONFLICT (subject, action) DO UPDATE
              SET tokens = %1$s - 1, updated_at = GREATEST(b.updated_at, :now)
              WHERE %1$s >= 1
            RETURNING tokens""".formatted(AVAILABLE))
        .param("subject", subject).param("action", action.wire()).param("burst", limit.burst())
        .param("per_second", limit.perSecond()).param("now", Timestamps.of(now))
        .query(Double.class).list().isEmpty();
    if (taken) {
      return Optional.empty();
    }
    double available = jdbc.sql("SELECT " + AVAILABLE + " FROM dist_rate_limits b"
            + " WHERE subject = :subject AND action = :action")
        .param("subject", subject).param("action", action.wire()).param("burst", limit.burst())
        .param("per_second", limit.perSecond()).param("now", Timestamps.of(now))
        .query(Double.class).optional().orElse((double) limit.burst());
    return Optional.of(limit.timeToRefill(1 - available));
  }

  @Override
  public int forgetIdleSince(ThrottledAction action, Instant before) {
    return jdbc.sql("DELETE FROM dist_rate_limits WHERE action = ? AND updated_at < ?")
        .params(action.wire(), Timestamps.of(before)).update();
  }
}
