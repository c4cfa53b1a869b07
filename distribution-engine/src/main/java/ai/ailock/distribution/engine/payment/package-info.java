/**
 * Payments: the {@link PaymentGateway} port (Stripe Checkout in the reference server, or its local emulator), payment
 * intents (one Checkout Session per transfer and attempt), the invoice, the payment events that confirm or fail a
 * payment, deduplicated by event id in the same transaction as the state change, and the reconciler.
 */
@NullMarked
package ai.ailock.distribution.engine.payment;

import org.jspecify.annotations.NullMarked;
