package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.identity.KeyBoundAccess;
import ai.ailock.distribution.engine.identity.KeyId;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link KeyBoundAccess} on {@code dist_claims} and {@code dist_download_sessions}. */
public final class JdbcKeyBoundAccess implements KeyBoundAccess {
  private final JdbcClient jdbc;

  public JdbcKeyBoundAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int endAccessBoundTo(KeyId key, Instant at) {
    int sessions = jdbc.sql("""
            UPDATE dist_download_sessions s SET revoked_at = ?
            FROM dist_claims c
            WHERE c.jti = s.claim_jti AND c.recipient_key_id = ?
              AND s.completed_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > ?""")
        .params(Timestamps.of(at), key.value(), Timestamps.of(at)).update();
    int claims = jdbc.sql("""
            UPDATE dist_claims SET revoked_at = ?
            WHERE recipient_key_id = ? AND redeemed_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
        .params(Timestamps.of(at), key.value(), Timestamps.of(at)).update();
    return sessions + claims;
  }
}
