package ai.ailock.distribution.engine.payment;

import java.util.Locale;

/** A payment intent's status ({@code dist_payment_intents.status}). */
public enum PaymentStatus {
  OPEN, PAID, FAILED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED, DISPUTED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
