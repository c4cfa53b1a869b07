package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.delivery.Claim;
import ai.ailock.distribution.engine.delivery.Claims;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Claims} on {@code dist_claims}: the token's SHA-256 only. Redemption is one conditional update, so of any
 * number of concurrent redemptions exactly one changes the row (the others wait on its lock, then find it redeemed).
 */
public final class JdbcClaims implements Claims {
  private final JdbcClient jdbc;

  public JdbcClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Claim c) {
    jdbc.sql("""
            INSERT INTO dist_claims (jti, transfer_id, recipient_ailock_id, recipient_key_id, token_sha256, signing_kid,
                                     issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.jti(), c.transfer().value(), c.recipient().value(), c.recipientKeyId().value(), c.tokenSha256(),
            c.signingKid(), Timestamps.of(c.issuedAt()), Timestamps.of(c.expiresAt()))
        .update();
  }

  @Override
  public Optional<Claim> find(UUID jti) {
    return jdbc.sql("SELECT * FROM dist_claims WHERE jti = ?").param(jti).query(JdbcClaims::map).optional();
  }

  @Override
  public boolean redeem(UUID jti, Instant at) {
    return jdbc.sql("""
            UPDATE dist_claims SET redeemed_at = ?
            WHERE jti = ? AND redeemed_at IS NULL AND revoked_at IS NULL""")
        .params(Timestamps.of(at), jti).update() == 1;
  }

  @Override
  public int revokeAll(TransferId transfer, Instant at) {
    return jdbc.sql("UPDATE dist_claims SET revoked_at = ? WHERE transfer_id = ? AND revoked_at IS NULL")
        .params(Timestamps.of(at), transfer.value()).update();
  }

  private static Claim map(ResultSet rs, int row) throws SQLException {
    return new Claim(rs.getObject("jti", UUID.class), new TransferId(rs.getObject("transfer_id", UUID.class)),
        new AilockId(rs.getString("recipient_ailock_id")), new KeyId(rs.getString("recipient_key_id")),
        rs.getString("token_sha256"), rs.getString("signing_kid"), Timestamps.readRequired(rs, "issued_at"),
        Timestamps.readRequired(rs, "expires_at"), Timestamps.read(rs, "redeemed_at"),
        Timestamps.read(rs, "revoked_at"));
  }
}
