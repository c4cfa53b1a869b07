package ai.ailock.distribution.engine.transfer;

import java.util.Locale;

/** Which side of a transfer an Ailock is on. */
public enum Party {
  SELLER, BUYER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but {@code seller} or {@code buyer} */
  public static Party fromWire(String wire) {
    return switch (wire) {
      case "seller" -> SELLER;
      case "buyer" -> BUYER;
      default -> throw new IllegalArgumentException("not a party: " + wire);
    };
  }
}
