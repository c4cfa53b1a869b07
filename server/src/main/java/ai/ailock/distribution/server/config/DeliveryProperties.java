package ai.ailock.distribution.server.config;

import java.nio.file.Path;
import java.time.Duration;
import ai.ailock.distribution.engine.ratelimit.RateLimit;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ailock.distribution.delivery.*}: claims, download sessions, receipts and retention (issue 5).
 *
 * @param claimTtl how long a claim token can be redeemed
 * @param sessionTtl how long a download session serves chunks
 * @param receiptSkew tolerance on a receipt's {@code received_at}
 * @param rateLimits per Ailock and action ({@code ticket}, {@code claim}, {@code ack}, {@code revoke}, {@code dispute}):
 *     a bucket of {@code burst} refilled at {@code per-minute}; an action set to {@code enabled: false} is not limited
 */
@ConfigurationProperties("ailock.distribution.delivery")
public record DeliveryProperties(
    @DefaultValue("10m") Duration claimTtl,
    @DefaultValue("6h") Duration sessionTtl,
    @DefaultValue("5m") Duration receiptSkew,
    @DefaultValue Claims claims,
    @DefaultValue Retention retention,
    @DefaultValue RateLimits rateLimits) {

  /**
   * The service's claim-signing keys. With {@code signing-keys} set, {@code current-kid} names the one that signs (the
   * others verify until removed); without, a development key is generated and kept in {@code key-file} (default
   * {@code <data-dir>/claim-signing-key.properties}).
   */
  public record Claims(@DefaultValue("ailock-distribution") String issuer,
      @DefaultValue("ailock-distribution/download") String audience, @Nullable String currentKid,
      @Nullable List<SigningKey> signingKeys, @Nullable Path keyFile) {}

  /** @param seed base64url of the 32-byte Ed25519 private key */
  public record SigningKey(String kid, String seed) {
    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + "]";
    }
  }

  /**
   * The rate limits of each throttled action (docs/delivery.md, "Rate limits"); unset values take the defaults: 30 at
   * once and 60 a minute, disputes 10 and 10.
   */
  public record RateLimits(@DefaultValue Limit ticket, @DefaultValue Limit claim, @DefaultValue Limit ack,
      @DefaultValue Limit revoke, @DefaultValue Limit dispute) {

    /** @return the enabled limits by action */
    public Map<ThrottledAction, RateLimit> byAction() {
      Map<ThrottledAction, RateLimit> limits = new EnumMap<>(ThrottledAction.class);
      put(limits, ThrottledAction.TICKET, ticket, 30, 60);
      put(limits, ThrottledAction.CLAIM, claim, 30, 60);
      put(limits, ThrottledAction.ACK, ack, 30, 60);
      put(limits, ThrottledAction.REVOKE, revoke, 30, 60);
      put(limits, ThrottledAction.DISPUTE, dispute, 10, 10);
      return limits;
    }

    private static void put(Map<ThrottledAction, RateLimit> limits, ThrottledAction action, Limit limit, int burst,
        double perMinute) {
      if (limit.enabled()) {
        limits.put(action, new RateLimit(limit.burst() != null ? limit.burst() : burst,
            limit.perMinute() != null ? limit.perMinute() : perMinute));
      }
    }
  }

  /** One action's token bucket: {@code burst} at once, refilled at {@code perMinute}; unset: the action's default. */
  public record Limit(@Nullable Integer burst, @Nullable Double perMinute, @DefaultValue("true") boolean enabled) {}

  /** How often the retention sweep runs on each instance, and how many rows of each kind one pass takes. */
  public record Retention(@DefaultValue("5m") Duration interval, @DefaultValue("50") int batch) {}
}
