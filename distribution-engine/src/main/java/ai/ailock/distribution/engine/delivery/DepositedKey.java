package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seller's key envelope for one transfer (plan §4 {@code product_keys}): the product's input key sealed to the
 * buyer's X25519 key, opaque to the service. Crypto-shredding destroys it: {@code envelope} becomes null and
 * {@code destroyedAt} is set, for good.
 *
 * @param recipientKeyId the buyer's key whose X25519 half the envelope is sealed to
 * @param envelope the sealed box (80 bytes), or null once destroyed
 * @param expiresAt when the transfer's access ends (its {@code expires_at})
 */
public record DepositedKey(UUID id, ProductId product, TransferId transfer, AilockId recipient, KeyId recipientKeyId,
    byte @Nullable [] envelope, Instant createdAt, Instant expiresAt, @Nullable Instant destroyedAt) {

  /** Bytes in an envelope: a 32-byte input key in a libsodium sealed box (48 bytes of overhead). */
  public static final int ENVELOPE_LENGTH = 80;

  public DepositedKey {
    envelope = envelope == null ? null : envelope.clone();
    if (envelope != null && envelope.length != ENVELOPE_LENGTH) {
      throw new IllegalArgumentException("a key envelope has " + ENVELOPE_LENGTH + " bytes");
    }
    if ((envelope == null) != (destroyedAt != null)) {
      throw new IllegalArgumentException("an envelope is either held or destroyed");
    }
  }

  @Override
  public byte @Nullable [] envelope() {
    return envelope == null ? null : envelope.clone();
  }

  public boolean destroyed() {
    return destroyedAt != null;
  }
}
