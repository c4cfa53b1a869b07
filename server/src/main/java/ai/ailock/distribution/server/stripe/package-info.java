/**
 * The Stripe adapter (design §3.6): Checkout Sessions through stripe-java's {@code StripeClient} with its own API
 * base, webhook verification and translation into the engine's payment events, the reconciler's schedule, and the
 * local checkout emulator that plays Stripe's part when no API key is configured.
 */
@NullMarked
package ai.ailock.distribution.server.stripe;

import org.jspecify.annotations.NullMarked;
