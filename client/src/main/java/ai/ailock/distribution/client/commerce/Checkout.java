package ai.ailock.distribution.client.commerce;

import tools.jackson.databind.JsonNode;

/**
 * A transfer's invoice ({@code products-invoice}): where to pay. Asking again returns the same session while it is
 * open; after it failed or expired, a new attempt has a new one.
 */
public record Checkout(String transferId, String state, String checkoutUrl, String sessionId, int attempt,
    long amount, String currency, String paymentStatus) {

  static Checkout of(JsonNode json) {
    return new Checkout(json.path("transfer_id").asString(), json.path("state").asString(),
        json.path("checkout_url").asString(), json.path("session_id").asString(), json.path("attempt").asInt(),
        json.path("amount").asLong(), json.path("currency").asString(), json.path("payment_status").asString());
  }
}
