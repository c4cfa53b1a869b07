package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.delivery.DeliveryReceipts;
import ai.ailock.distribution.engine.delivery.StoredReceipt;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/** {@link DeliveryReceipts} on {@code dist_delivery_receipts} (unique per transfer; {@code meta} as jsonb). */
public final class JdbcDeliveryReceipts implements DeliveryReceipts {
  private static final TypeReference<Map<String, String>> META = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public JdbcDeliveryReceipts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(StoredReceipt r) {
    return jdbc.sql("""
            INSERT INTO dist_delivery_receipts (id, transfer_id, client_hash, manifest_hash, key_id, signature, signed_at,
                                                delivered_at, meta)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (transfer_id) DO NOTHING""")
        .params(r.id(), r.transfer().value(), r.clientHash(), r.manifestSha256(), r.keyId().value(), r.signature(),
            Timestamps.of(r.signedAt()), Timestamps.of(r.deliveredAt()),
            WireJson.mapper().writeValueAsString(r.meta()))
        .update() == 1;
  }

  @Override
  public Optional<StoredReceipt> find(TransferId transfer) {
    return jdbc.sql("SELECT * FROM dist_delivery_receipts WHERE transfer_id = ?").param(transfer.value())
        .query(JdbcDeliveryReceipts::map).optional();
  }

  private static StoredReceipt map(ResultSet rs, int row) throws SQLException {
    return new StoredReceipt(rs.getObject("id", UUID.class), new TransferId(rs.getObject("transfer_id", UUID.class)),
        rs.getString("client_hash"), rs.getString("manifest_hash"), new KeyId(rs.getString("key_id")),
        rs.getBytes("signature"), Timestamps.readRequired(rs, "signed_at"),
        Timestamps.readRequired(rs, "delivered_at"), WireJson.mapper().readValue(rs.getString("meta"), META));
  }
}
