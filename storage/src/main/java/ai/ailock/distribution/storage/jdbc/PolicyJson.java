package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.schemas.WireJson;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A product policy in its wire form (schema {@code policy.schema.json}), with the defaults filled in for
 * omitted members. The same form is stored in {@code dist_digital_products.policy}.
 */
public final class PolicyJson {
  private PolicyJson() {}

  /** @param policy a document valid against {@code policy.schema.json}, or null for all defaults */
  public static ProductPolicy read(JsonNode policy) {
    ProductPolicy defaults = ProductPolicy.defaults();
    if (policy == null || policy.isNull() || policy.isMissingNode()) {
      return defaults;
    }
    var mapper = WireJson.mapper();
    Price price = policy.has("price") ? mapper.treeToValue(policy.get("price"), Price.class) : null;
    List<RequiredInput> inputs = policy.has("required_inputs")
        ? mapper.convertValue(policy.get("required_inputs"), new TypeReference<List<RequiredInput>>() {})
        : List.of();
    return new ProductPolicy(
        policy.path("retention_days").asInt(defaults.retentionDays()),
        policy.path("download_limit").asInt(defaults.downloadLimit()),
        price, inputs,
        policy.path("personalized_copies").asBoolean(defaults.personalizedCopies()));
  }

  public static ProductPolicy read(String json) {
    return read(WireJson.mapper().readTree(json));
  }

  /** @return the complete policy (defaults written out) as JSON */
  public static String write(ProductPolicy policy) {
    ObjectNode node = WireJson.mapper().valueToTree(policy);
    return node.toString();
  }
}
