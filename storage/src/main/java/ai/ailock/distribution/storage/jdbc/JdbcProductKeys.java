package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.delivery.DepositedKey;
import ai.ailock.distribution.engine.delivery.ProductKeys;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ProductKeys} on {@code dist_product_keys} (one row per transfer; the envelope as base64url text).
 * Destroying sets {@code key_envelope} to NULL and {@code destroyed_at}; an upsert never touches a destroyed row.
 */
public final class JdbcProductKeys implements ProductKeys {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;

  public JdbcProductKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean deposit(DepositedKey key) {
    byte[] envelope = key.envelope();
    if (envelope == null) {
      throw new IllegalArgumentException("deposit a held envelope");
    }
    return jdbc.sql("""
            INSERT INTO dist_product_keys (id, product_id, transfer_id, recipient_ailock_id, recipient_key_id,
                                           key_envelope, algo, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, 'x25519-sealedbox', ?, ?)
            ON CONFLICT (transfer_id) DO UPDATE
              SET key_envelope = EXCLUDED.key_envelope, recipient_key_id = EXCLUDED.recipient_key_id,
                  created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
              WHERE dist_product_keys.destroyed_at IS NULL""")
        .params(key.id(), key.product().value(), key.transfer().value(), key.recipient().value(),
            key.recipientKeyId().value(), ENCODER.encodeToString(envelope), Timestamps.of(key.createdAt()),
            Timestamps.of(key.expiresAt()))
        .update() == 1;
  }

  @Override
  public Optional<DepositedKey> find(TransferId transfer) {
    return jdbc.sql("SELECT * FROM dist_product_keys WHERE transfer_id = ?").param(transfer.value())
        .query(JdbcProductKeys::map).optional();
  }

  @Override
  public boolean destroy(TransferId transfer, Instant at) {
    return jdbc.sql("""
            UPDATE dist_product_keys SET key_envelope = NULL, destroyed_at = ?
            WHERE transfer_id = ? AND destroyed_at IS NULL""")
        .params(Timestamps.of(at), transfer.value()).update() == 1;
  }

  private static DepositedKey map(ResultSet rs, int row) throws SQLException {
    String envelope = rs.getString("key_envelope");
    return new DepositedKey(rs.getObject("id", UUID.class), new ProductId(rs.getObject("product_id", UUID.class)),
        new TransferId(rs.getObject("transfer_id", UUID.class)), new AilockId(rs.getString("recipient_ailock_id")),
        new KeyId(rs.getString("recipient_key_id")),
        envelope == null ? null : Base64.getUrlDecoder().decode(envelope), Timestamps.readRequired(rs, "created_at"),
        Timestamps.readRequired(rs, "expires_at"), Timestamps.read(rs, "destroyed_at"));
  }
}
