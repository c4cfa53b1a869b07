package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.identity.AilockId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A digital product registered by its owner (the seller's Ailock). {@code size} is the plaintext size the
 * owner declared; the service only ever holds the ciphertext.
 *
 * @param content the published content, present once {@code status} is {@code ready}
 * @param expiresAt when the content's retention ends, present once published
 */
public record Product(
    ProductId id,
    AilockId owner,
    String title,
    String contentType,
    long size,
    String encryptionAlgo,
    ProductStatus status,
    ProductPolicy policy,
    @Nullable ProductContent content,
    Instant createdAt,
    @Nullable Instant expiresAt) {

  public static final String ENCRYPTION_ALGO = "ailock-e2ee-v1";

  public boolean ownedBy(AilockId ailock) {
    return owner.equals(ailock);
  }

  /** @return the content version the next upload produces */
  public int nextVersion() {
    return content == null ? 1 : content.version() + 1;
  }

  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
