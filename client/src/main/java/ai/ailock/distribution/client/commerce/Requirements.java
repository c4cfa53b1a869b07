package ai.ailock.distribution.client.commerce;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What {@code products-requirements} answers: the inputs, and, when asked about a transfer, which required ones are
 * still missing. {@code json} also holds the JSON Schema per timing ({@code schemas}).
 */
public record Requirements(String productId, List<RequiredInputInfo> inputs, List<String> missingPrePayment,
    List<String> missingPostPayment, JsonNode json) {

  static Requirements of(JsonNode json) {
    var inputs = new java.util.ArrayList<RequiredInputInfo>();
    json.path("required_inputs").forEach(node -> inputs.add(RequiredInputInfo.of(node)));
    return new Requirements(json.path("product_id").asString(), List.copyOf(inputs),
        TransferInfo.strings(json.path("missing_inputs").path("pre_payment")),
        TransferInfo.strings(json.path("missing_inputs").path("post_payment_pre_grant")), json);
  }
}
