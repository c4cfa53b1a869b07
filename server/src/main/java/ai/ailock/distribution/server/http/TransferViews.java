package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.buyerinput.InputSchemas;
import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.TransferStatus;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.schemas.RequiredInputsSchema;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.storage.jdbc.PolicyJson;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON forms of transfers and requirements (docs/api.md, "Transfers and payments"). */
final class TransferViews {
  private TransferViews() {}

  static ObjectNode transfer(Transfer t, Optional<PaymentIntent> payment) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("transfer_id", t.id().toString());
    json.put("product_id", t.product().toString());
    json.put("seller", t.seller().value());
    json.put("recipient", t.buyer().value());
    json.put("state", t.state().wire());
    json.putObject("price").put("amount", t.price().amount()).put("currency", t.price().currency());
    JsonNode terms = policy(t.terms());
    json.putObject("policy").put("retention_days", t.terms().retentionDays())
        .put("download_limit", t.terms().downloadLimit())
        .put("personalized_copies", t.terms().personalizedCopies())
        .set("required_inputs", terms.path("required_inputs"));
    json.set("buyer_inputs", WireJson.mapper().valueToTree(t.inputs().values()));
    json.set("missing_inputs", missing(t));
    payment.ifPresentOrElse(p -> json.set("payment", payment(p)), () -> json.putNull("payment"));
    json.put("version", t.version());
    json.put("created_at", t.createdAt().toString());
    json.put("updated_at", t.updatedAt().toString());
    json.put("expires_at", t.expiresAt().toString());
    return json;
  }

  /** A transfer in a listing: as {@code transfers-get} shows it, without the payment (one query per page). */
  static ObjectNode listed(Transfer t) {
    ObjectNode json = transfer(t, Optional.empty());
    json.remove("payment");
    return json;
  }

  static ObjectNode transfer(TransferStatus status) {
    return transfer(status.transfer(), status.payment());
  }

  static ObjectNode payment(PaymentIntent p) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("status", p.status().wire());
    json.put("attempt", p.attempt());
    json.put("provider", p.provider());
    json.put("session_id", p.providerRef());
    if (p.checkoutUrl() != null) {
      json.put("checkout_url", p.checkoutUrl());
    }
    json.put("amount", p.amount());
    json.put("currency", p.currency());
    json.put("updated_at", p.updatedAt().toString());
    return json;
  }

  static ObjectNode missing(Transfer t) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    for (RequiredInput.Timing timing : RequiredInput.Timing.values()) {
      json.set(InputSchemas.wire(timing), WireJson.mapper().valueToTree(t.missingInputs(timing)));
    }
    return json;
  }

  /** @return the inputs in wire form and, per timing, the JSON Schema a submission of them must satisfy */
  static ObjectNode requirements(List<RequiredInput> inputs) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.set("required_inputs", policy(new ProductPolicy(ProductPolicy.MAX_RETENTION_DAYS, 1, null, inputs))
        .path("required_inputs"));
    ObjectNode schemas = json.putObject("schemas");
    for (RequiredInput.Timing timing : RequiredInput.Timing.values()) {
      schemas.set(InputSchemas.wire(timing),
          RequiredInputsSchema.compile(InputSchemas.of(inputs), InputSchemas.wire(timing), true));
    }
    return json;
  }

  private static JsonNode policy(ProductPolicy policy) {
    return WireJson.mapper().readTree(PolicyJson.write(policy));
  }
}
