package ai.ailock.distribution.engine.product;

import java.util.Locale;

/** {@code draft}: registered, no content yet; {@code ready}: content published; {@code purged}: retention ended. */
public enum ProductStatus {
  DRAFT, READY, PURGED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProductStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
