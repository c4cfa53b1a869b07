package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at paying a transfer (plan §4 {@code payment_intents}): a Checkout Session of the provider
 * ({@code providerRef}) for the transfer's amount and currency. A transfer has attempts 1, 2, …; a new one is made
 * only when the previous session failed or expired.
 */
public record PaymentIntent(UUID id, String provider, String providerRef, long amount, String currency,
    PaymentStatus status, TransferId transferId, int attempt, @Nullable String checkoutUrl, Instant createdAt,
    Instant updatedAt) {}
