package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.PaymentIntents;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link PaymentIntents} on {@code dist_payment_intents}. */
public final class JdbcPaymentIntents implements PaymentIntents {
  private final JdbcClient jdbc;

  public JdbcPaymentIntents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(PaymentIntent i) {
    return jdbc.sql("""
            INSERT INTO dist_payment_intents (id, provider, provider_ref, amount, currency, status, transfer_id, attempt,
                                              checkout_url, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (transfer_id, attempt) DO NOTHING""")
        .params(i.id(), i.provider(), i.providerRef(), i.amount(), i.currency(), i.status().wire(),
            i.transferId().value(), i.attempt(), i.checkoutUrl(), Timestamps.of(i.createdAt()),
            Timestamps.of(i.updatedAt()))
        .update() == 1;
  }

  @Override
  public Optional<PaymentIntent> latest(TransferId transfer) {
    return jdbc.sql("SELECT * FROM dist_payment_intents WHERE transfer_id = ? ORDER BY attempt DESC LIMIT 1")
        .param(transfer.value()).query(JdbcPaymentIntents::map).optional();
  }

  @Override
  public Optional<PaymentIntent> lockByProviderRef(String provider, String providerRef) {
    return jdbc.sql("SELECT * FROM dist_payment_intents WHERE provider = ? AND provider_ref = ? FOR UPDATE")
        .params(provider, providerRef).query(JdbcPaymentIntents::map).optional();
  }

  @Override
  public boolean changeStatus(UUID id, PaymentStatus from, PaymentStatus to, Instant at) {
    return jdbc.sql("UPDATE dist_payment_intents SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
        .params(to.wire(), Timestamps.of(at), id, from.wire()).update() == 1;
  }

  @Override
  public List<PaymentIntent> leaseForReconciliation(Instant createdBefore, Instant checkedBefore, Instant now,
      int limit) {
    return jdbc.sql("""
            UPDATE dist_payment_intents SET checked_at = ?
            WHERE id IN (SELECT id FROM dist_payment_intents
                         WHERE status = 'open' AND created_at <= ? AND (checked_at IS NULL OR checked_at <= ?)
                         ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING *""")
        .params(Timestamps.of(now), Timestamps.of(createdBefore), Timestamps.of(checkedBefore), limit)
        .query(JdbcPaymentIntents::map).list();
  }

  private static PaymentIntent map(ResultSet rs, int row) throws SQLException {
    return new PaymentIntent(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("provider_ref"),
        rs.getLong("amount"), rs.getString("currency"), PaymentStatus.fromWire(rs.getString("status")),
        new TransferId(rs.getObject("transfer_id", UUID.class)), rs.getInt("attempt"), rs.getString("checkout_url"),
        Timestamps.readRequired(rs, "created_at"), Timestamps.readRequired(rs, "updated_at"));
  }
}
