package ai.ailock.distribution.engine.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered key pair of an Ailock: the Ed25519 key that signs its requests, manifests and receipts, and the
 * X25519 key that key envelopes are sealed to, bound by {@code x25519Signature}. Retired keys stay on record so
 * that what they signed can still be verified.
 */
public record IdentityKey(
    KeyId keyId,
    AilockId ailock,
    byte[] ed25519Public,
    byte[] x25519Public,
    byte[] x25519Signature,
    Instant createdAt,
    @Nullable Instant retiredAt) {

  /** Copies the key bytes, so a caller changing its arrays afterwards cannot change this key. */
  public IdentityKey {
    ed25519Public = ed25519Public.clone();
    x25519Public = x25519Public.clone();
    x25519Signature = x25519Signature.clone();
  }

  public boolean active() {
    return retiredAt == null;
  }
}
