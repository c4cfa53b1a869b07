package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.identity.AilockId;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A per-buyer personalized copy (docs/personalization.md): a product of the seller, built and encrypted by the
 * seller's Ailock for exactly one transfer and delivered to that transfer's buyer instead of {@code source}. The
 * service never sees what makes it personal; {@code licenseFingerprint} is the seller's short id of the signed license
 * inside it, kept so the seller can trace a leaked file back to the purchase.
 *
 * @param product the copy's own product id (its content, uploads and manifest are a product's)
 * @param source the product it copies, the one the transfer offered
 * @param transfer the id of the transfer it was made for (a plain id here: transfers build on products)
 */
public record ProductCopy(ProductId product, ProductId source, UUID transfer, AilockId owner,
    String licenseFingerprint, Instant createdAt) {

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");

  public ProductCopy {
    if (!FINGERPRINT.matcher(licenseFingerprint).matches()) {
      throw new IllegalArgumentException("a license fingerprint is 32 lowercase hex digits");
    }
    if (product.equals(source)) {
      throw new IllegalArgumentException("a copy is a product of its own");
    }
  }

  /** @return whether {@code fingerprint} is well formed (32 lowercase hex digits) */
  public static boolean wellFormedFingerprint(String fingerprint) {
    return FINGERPRINT.matcher(fingerprint).matches();
  }
}
