package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.payment.ProviderPayments;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ProviderPayments} on {@code dist_payment_intents}: the provider's payment id ({@code provider_payment_ref})
 * and the amount refunded ({@code amount_refunded}, only ever raised).
 */
public final class JdbcProviderPayments implements ProviderPayments {
  private final JdbcClient jdbc;

  public JdbcProviderPayments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void link(UUID intent, String paymentRef) {
    jdbc.sql("UPDATE dist_payment_intents SET provider_payment_ref = ? WHERE id = ?").params(paymentRef, intent)
        .update();
  }

  @Override
  public Optional<PaymentIntent> byPaymentRef(String provider, String paymentRef) {
    return jdbc.sql("SELECT id, provider_ref FROM dist_payment_intents WHERE provider = ? AND provider_payment_ref = ?")
        .params(provider, paymentRef).query((rs, row) -> rs.getString("provider_ref")).optional()
        .flatMap(sessionRef -> new JdbcPaymentIntents(jdbc).lockByProviderRef(provider, sessionRef));
  }

  @Override
  public boolean recordRefund(UUID intent, long amountRefunded, PaymentStatus status, Instant at) {
    return jdbc.sql("""
            UPDATE dist_payment_intents SET amount_refunded = ?, status = ?, updated_at = ?
            WHERE id = ? AND amount_refunded < ?""")
        .params(amountRefunded, status.wire(), Timestamps.of(at), intent, amountRefunded).update() == 1;
  }
}
