package ai.ailock.distribution.engine.payment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A Checkout Session as the provider reports it.
 *
 * @param url where the buyer pays, while the session is open
 * @param paid true once the provider says the money is in ({@code payment_status=paid})
 * @param amount the session's total, in minor units
 * @param transferRef the transfer id the session carries in its metadata, if any
 */
public record CheckoutSession(String id, @Nullable String url, Status status, boolean paid, long amount,
    String currency, @Nullable String transferRef, @Nullable Instant expiresAt) {

  public enum Status { OPEN, COMPLETE, EXPIRED }
}
