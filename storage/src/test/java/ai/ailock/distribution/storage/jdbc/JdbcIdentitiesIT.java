package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.fixtures.IdentitiesContract;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcIdentities} against the {@link Identities} contract, each test on a fresh database. */
class JdbcIdentitiesIT extends IdentitiesContract {
  private JdbcClient jdbc;
  private JdbcIdentities identities;

  @Override
  protected Identities newIdentities() {
    jdbc = JdbcClient.create(MigratedDatabase.fresh());
    identities = new JdbcIdentities(jdbc);
    return identities;
  }

  @Test
  void storesTheAilockAndItsKeyAsRegistered() {
    IdentityKey key = newKey();

    identities.register(key);

    assertThat(jdbc.sql("SELECT count(*) FROM dist_ailocks WHERE id = ?").param(key.ailock().value())
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT ailock_id, status, ed25519_public, x25519_public, x25519_signature"
            + " FROM dist_ailock_keys WHERE key_id = ?").param(key.keyId().value())
        .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)))
        .single()).containsExactly(key.ailock().value(), "active", key.ed25519Public(), key.x25519Public(),
            key.x25519Signature());
  }

  @Test
  void refusesANonceOutsideTheStoredLengthRange() {
    KeyId key = newKey().keyId();

    assertThatThrownBy(() -> identities.rememberNonce(key, "short", NOW))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
