package ai.ailock.distribution.engine.payment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the provider says about a payment after it was made: its own id for the payment (Stripe's PaymentIntent,
 * which refunds and disputes name, not the Checkout Session) and the amount refunded so far. Implementations are
 * thread-safe.
 */
public interface ProviderPayments {

  /** Keeps nothing; for hosts without refunds or disputes. */
  ProviderPayments NONE = new ProviderPayments() {
    @Override
    public void link(UUID intent, String paymentRef) {}

    @Override
    public Optional<PaymentIntent> byPaymentRef(String provider, String paymentRef) {
      return Optional.empty();
    }

    @Override
    public boolean recordRefund(UUID intent, long amountRefunded, PaymentStatus status, Instant at) {
      return false;
    }
  };

  /** Remembers the provider's payment id of a paid intent. Idempotent. */
  void link(UUID intent, String paymentRef);

  Optional<PaymentIntent> byPaymentRef(String provider, String paymentRef);

  /**
   * Records the total refunded so far and the intent's status ({@code refunded} or {@code partially_refunded}).
   *
   * @return false if the intent already records as much refunded (an older or repeated event; nothing changed)
   */
  boolean recordRefund(UUID intent, long amountRefunded, PaymentStatus status, Instant at);
}
