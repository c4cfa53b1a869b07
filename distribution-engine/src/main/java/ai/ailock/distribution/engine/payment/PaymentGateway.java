package ai.ailock.distribution.engine.payment;

import java.util.Optional;

/**
 * The payment provider's checkout (design §3.6): Stripe Checkout in production, a local emulator in the single-node
 * default. Implementations are thread-safe and never hold a database transaction.
 */
public interface PaymentGateway {

  /** @return the provider's name as stored in {@code payment_intents.provider} ({@code "stripe"}) */
  String provider();

  /**
   * Creates a Checkout Session for one attempt at paying a transfer. Idempotent: the same
   * {@link CheckoutRequest#idempotencyKey()} returns the same session, so a retry after a lost answer never creates a
   * second one.
   *
   * @throws PaymentGatewayException if the provider cannot be reached or refuses
   */
  CheckoutSession createCheckout(CheckoutRequest request);

  /**
   * @return the session as the provider sees it now, or empty if it does not know it
   * @throws PaymentGatewayException if the provider cannot be reached
   */
  Optional<CheckoutSession> findCheckout(String sessionId);
}
