package ai.ailock.distribution.engine.transfer;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values a buyer supplied, by input id (plan §4, {@code product_transfers.buyer_inputs}): the text of
 * {@code text}, {@code textarea} and {@code url} inputs, and for {@code file} inputs the id of a completed
 * attachment. Submissions merge: a value given again replaces the earlier one.
 */
public record BuyerInputs(Map<String, String> values) {
  public BuyerInputs {
    values = Map.copyOf(values);
  }

  public static BuyerInputs none() {
    return new BuyerInputs(Map.of());
  }

  public boolean has(String inputId) {
    return values.containsKey(inputId);
  }

  public Optional<String> value(String inputId) {
    return Optional.ofNullable(values.get(inputId));
  }

  /** @return these values with {@code submitted} laid over them */
  public BuyerInputs merge(Map<String, String> submitted) {
    var merged = new TreeMap<>(values);
    merged.putAll(submitted);
    return new BuyerInputs(merged);
  }
}
