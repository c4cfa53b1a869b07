package ai.ailock.distribution.engine.refund;

import org.jspecify.annotations.Nullable;

/**
 * The provider's word that a charge was refunded (Stripe's {@code charge.refunded}).
 *
 * @param paymentRef the provider's payment the charge belongs to (Stripe's PaymentIntent id)
 * @param transferRef the transfer id from the charge's metadata, if it carries one
 * @param amount the charge's amount, in minor units
 * @param amountRefunded the total refunded so far (not this refund alone)
 */
public record RefundEvent(String eventId, String type, @Nullable String paymentRef, @Nullable String transferRef,
    long amount, long amountRefunded, String currency) {}
