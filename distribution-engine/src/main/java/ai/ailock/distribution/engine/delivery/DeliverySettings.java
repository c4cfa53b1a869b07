package ai.ailock.distribution.engine.delivery;

import java.time.Duration;

/**
 * Delivery's time limits.
 *
 * @param claimTtl how long a claim token can be redeemed after it is issued (default 10 minutes)
 * @param sessionTtl how long a download session serves chunks after it opens (default 6 hours)
 * @param receiptSkew how far a receipt's {@code received_at} may lie ahead of the service's clock, or before the
 *     first download session opened (default 5 minutes)
 */
public record DeliverySettings(Duration claimTtl, Duration sessionTtl, Duration receiptSkew) {
  public DeliverySettings {
    if (claimTtl.isNegative() || claimTtl.isZero() || sessionTtl.isNegative() || sessionTtl.isZero()
        || receiptSkew.isNegative()) {
      throw new IllegalArgumentException("invalid delivery settings");
    }
  }

  public static DeliverySettings defaults() {
    return new DeliverySettings(Duration.ofMinutes(10), Duration.ofHours(6), Duration.ofMinutes(5));
  }
}
