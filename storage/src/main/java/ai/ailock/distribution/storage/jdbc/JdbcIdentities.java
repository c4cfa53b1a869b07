package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Identities} on {@code dist_ailocks}, {@code dist_ailock_keys} and {@code dist_request_nonces}. */
public final class JdbcIdentities implements Identities {
  private static final String COLUMNS =
      "key_id, ailock_id, ed25519_public, x25519_public, x25519_signature, created_at, retired_at";

  private final JdbcClient jdbc;

  public JdbcIdentities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<IdentityKey> key(KeyId keyId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dist_ailock_keys WHERE key_id = ?")
        .param(keyId.value()).query(JdbcIdentities::map).optional();
  }

  @Override
  public Optional<IdentityKey> activeKey(AilockId ailock) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dist_ailock_keys WHERE ailock_id = ? AND status = 'active'")
        .param(ailock.value()).query(JdbcIdentities::map).optional();
  }

  @Override
  public List<IdentityKey> keys(AilockId ailock) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dist_ailock_keys WHERE ailock_id = ?"
        + " ORDER BY created_at, retired_at NULLS LAST, key_id")
        .param(ailock.value()).query(JdbcIdentities::map).list();
  }

  /** Retires first, then inserts: the partial unique index admits one active key per Ailock at any moment. */
  @Override
  public boolean rotate(KeyId retiring, IdentityKey next) {
    int retired = jdbc.sql("""
            UPDATE dist_ailock_keys SET status = 'retired', retired_at = ?
            WHERE key_id = ? AND ailock_id = ? AND status = 'active'""")
        .params(Timestamps.of(next.createdAt()), retiring.value(), next.ailock().value()).update();
    if (retired == 0) {
      return false;
    }
    if (!register(next)) {
      throw new IllegalArgumentException("key " + next.keyId() + " is registered already");
    }
    return true;
  }

  @Override
  public boolean register(IdentityKey key) {
    jdbc.sql("INSERT INTO dist_ailocks (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
        .params(key.ailock().value(), Timestamps.of(key.createdAt())).update();
    return jdbc.sql("""
            INSERT INTO dist_ailock_keys (key_id, ailock_id, ed25519_public, x25519_public, x25519_signature,
                                          status, created_at)
            VALUES (?, ?, ?, ?, ?, 'active', ?)
            ON CONFLICT (key_id) DO NOTHING""")
        .params(key.keyId().value(), key.ailock().value(), key.ed25519Public(), key.x25519Public(),
            key.x25519Signature(), Timestamps.of(key.createdAt()))
        .update() == 1;
  }

  @Override
  public boolean rememberNonce(KeyId keyId, String nonce, Instant expiresAt) {
    return jdbc.sql("INSERT INTO dist_request_nonces (key_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .params(keyId.value(), nonce, Timestamps.of(expiresAt))
        .update() == 1;
  }

  /** One statement on the common path: the nonce is inserted only while the key's row says it is active. */
  @Override
  public NonceAdmission admitNonce(KeyId keyId, String nonce, Instant expiresAt) {
    int inserted = jdbc.sql("""
            INSERT INTO dist_request_nonces (key_id, nonce, expires_at)
            SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM dist_ailock_keys WHERE key_id = ? AND status = 'active')
            ON CONFLICT DO NOTHING""")
        .params(keyId.value(), nonce, Timestamps.of(expiresAt), keyId.value())
        .update();
    if (inserted == 1) {
      return NonceAdmission.ADMITTED;
    }
    return key(keyId).filter(IdentityKey::active).isPresent() ? NonceAdmission.REPLAYED
        : NonceAdmission.KEY_NOT_ACTIVE;
  }

  @Override
  public int forgetNoncesBefore(Instant now) {
    return jdbc.sql("DELETE FROM dist_request_nonces WHERE expires_at < ?").param(Timestamps.of(now)).update();
  }

  private static IdentityKey map(ResultSet rs, int row) throws SQLException {
    return new IdentityKey(new KeyId(rs.getString("key_id")), new AilockId(rs.getString("ailock_id")),
        rs.getBytes("ed25519_public"), rs.getBytes("x25519_public"), rs.getBytes("x25519_signature"),
        Timestamps.readRequired(rs, "created_at"), Timestamps.read(rs, "retired_at"));
  }
}
