package ai.ailock.distribution.engine.dispute;

import org.jspecify.annotations.Nullable;

/**
 * The provider's word that the buyer's bank opened a dispute (Stripe's {@code charge.dispute.created}).
 *
 * @param disputeRef the provider's dispute id
 * @param paymentRef the provider's payment disputed (Stripe's PaymentIntent id)
 * @param reason the network's reason, e.g. {@code fraudulent}, {@code product_not_received}
 */
public record DisputeEvent(String eventId, String type, String disputeRef, @Nullable String paymentRef, long amount,
    String currency, String reason) {}
