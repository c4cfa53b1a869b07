package ai.ailock.distribution.client.commerce;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A transfer as {@code transfers-get} (and {@code products-offer}, {@code transfers-requirements-submit}) answer it.
 *
 * @param missingPrePayment required inputs to submit before {@code products-invoice} succeeds
 * @param missingPostPayment required inputs to submit after payment before the product can be granted
 * @param paymentStatus the latest payment attempt's status, or null before the first invoice
 * @param json the whole answer, for members this record does not name
 */
public record TransferInfo(String transferId, String productId, String seller, String recipient, String state,
    long amount, String currency, List<String> missingPrePayment, List<String> missingPostPayment,
    Map<String, String> buyerInputs, @Nullable String paymentStatus, @Nullable String checkoutUrl, JsonNode json) {

  /** @return the transfer as the service answered it (docs/api.md) */
  public static TransferInfo of(JsonNode json) {
    JsonNode payment = json.path("payment");
    var inputs = new java.util.TreeMap<String, String>();
    json.path("buyer_inputs").properties().forEach(e -> inputs.put(e.getKey(), e.getValue().asString()));
    return new TransferInfo(json.path("transfer_id").asString(), json.path("product_id").asString(),
        json.path("seller").asString(), json.path("recipient").asString(), json.path("state").asString(),
        json.path("price").path("amount").asLong(), json.path("price").path("currency").asString(),
        strings(json.path("missing_inputs").path("pre_payment")),
        strings(json.path("missing_inputs").path("post_payment_pre_grant")), inputs,
        payment.isObject() ? payment.path("status").asString() : null,
        payment.isObject() && payment.has("checkout_url") ? payment.path("checkout_url").asString() : null, json);
  }

  static List<String> strings(JsonNode array) {
    var list = new java.util.ArrayList<String>();
    array.forEach(node -> list.add(node.asString()));
    return List.copyOf(list);
  }
}
