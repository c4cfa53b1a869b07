package ai.ailock.distribution.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ailock.distribution.delivery.*}: claims, download sessions, receipts and retention (issue 5).
 *
 * @param claimTtl how long a claim token can be redeemed
 * @param sessionTtl how long a download session serves chunks
 * @param receiptSkew tolerance on a receipt's {@code received_at}
 */
@ConfigurationProperties("ailock.distribution.delivery")
public record DeliveryProperties(
    @DefaultValue("10m") Duration claimTtl,
    @DefaultValue("6h") Duration sessionTtl,
    @DefaultValue("5m") Duration receiptSkew,
    @DefaultValue Claims claims,
    @DefaultValue Retention retention) {

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

  /** How often the retention sweep runs on each instance, and how many rows of each kind one pass takes. */
  public record Retention(@DefaultValue("5m") Duration interval, @DefaultValue("50") int batch) {}
}
