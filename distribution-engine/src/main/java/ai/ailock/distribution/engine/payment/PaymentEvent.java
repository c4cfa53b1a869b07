package ai.ailock.distribution.engine.payment;

import org.jspecify.annotations.Nullable;

/**
 * A payment provider's word about a Checkout Session, from its webhook or from the reconciler.
 *
 * @param eventId the provider's event id (the reconciler makes its own, {@code reconciler:<session>:<kind>}); events
 *     are applied at most once per id
 * @param type the provider's event type, e.g. {@code checkout.session.completed}
 * @param transferRef the transfer id the session carries in its metadata, checked against the payment intent's
 * @param amount the session's total in minor units
 * @param paymentRef the provider's payment the session created (Stripe's PaymentIntent id {@code pi_…}), when known:
 *     refunds and disputes name it
 */
public record PaymentEvent(String eventId, String type, Kind kind, String sessionId, @Nullable String transferRef,
    long amount, String currency, @Nullable String paymentRef) {

  /** An event that does not name the provider's payment. */
  public PaymentEvent(String eventId, String type, Kind kind, String sessionId, @Nullable String transferRef,
      long amount, String currency) {
    this(eventId, type, kind, sessionId, transferRef, amount, currency, null);
  }

  /**
   * {@code PAID}: the money is in (completed with {@code payment_status=paid}, or an async payment succeeded);
   * {@code PENDING}: completed, but an asynchronous payment method has not settled yet; {@code FAILED}: the async
   * payment failed; {@code EXPIRED}: the session expired unpaid.
   */
  public enum Kind { PAID, PENDING, FAILED, EXPIRED }
}
