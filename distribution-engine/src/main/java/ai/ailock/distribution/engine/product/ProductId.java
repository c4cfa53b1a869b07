package ai.ailock.distribution.engine.product;

import java.util.UUID;

public record ProductId(UUID value) {
  public static ProductId parse(String text) {
    return new ProductId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
