package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.schemas.WireJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A product policy in its wire form (schema {@code policy.schema.json}), with the defaults filled in for
 * omitted members. The same form is stored in {@code dist_digital_products.policy} and, as a transfer's terms, in
 * {@code dist_product_transfers.policy}.
 *
 * <p>Every transfer row read or written converts its terms, and a product's transfers share them, so the stored
 * forms are remembered both ways (policies are immutable records): Jackson's tree conversions were ~12% of the JVM's
 * time in the lifecycle benchmark. At most {@value #REMEMBERED} of each are kept; past that the memory is cleared.
 */
public final class PolicyJson {
  static final int REMEMBERED = 4096;
  private static final Map<String, ProductPolicy> READ = new ConcurrentHashMap<>();
  private static final Map<ProductPolicy, String> WRITTEN = new ConcurrentHashMap<>();

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

  /** @param json a stored policy (as {@link #write} wrote it) */
  public static ProductPolicy read(String json) {
    ProductPolicy known = READ.get(json);
    if (known != null) {
      return known;
    }
    return remember(READ, json, read(WireJson.mapper().readTree(json)));
  }

  /** @return the complete policy (defaults written out) as JSON */
  public static String write(ProductPolicy policy) {
    String known = WRITTEN.get(policy);
    if (known != null) {
      return known;
    }
    ObjectNode node = WireJson.mapper().valueToTree(policy);
    return remember(WRITTEN, policy, node.toString());
  }

  private static <K, V> V remember(Map<K, V> memory, K key, V value) {
    if (memory.size() >= REMEMBERED) {
      memory.clear();
    }
    memory.put(key, value);
    return value;
  }
}
