package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.transfer.TransferId;

/**
 * One Checkout Session to create: the transfer's price, the transfer id (the provider keeps it in the session's
 * metadata and {@code client_reference_id}) and an idempotency key unique per transfer and attempt.
 *
 * @param description what the buyer sees on the checkout page (the product's title)
 */
public record CheckoutRequest(TransferId transferId, int attempt, Price price, String description) {

  /** @return {@code ailock-transfer-<transfer id>-attempt-<n>} */
  public String idempotencyKey() {
    return "ailock-transfer-" + transferId + "-attempt-" + attempt;
  }
}
