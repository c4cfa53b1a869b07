package ai.ailock.distribution.engine.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered Ailocks and their keys. Implementations are thread-safe. */
public interface Identities {

  /** @return the key with this id, active or retired, or empty */
  Optional<IdentityKey> key(KeyId keyId);

  /** @return the Ailock's active key, or empty if the Ailock is unknown */
  Optional<IdentityKey> activeKey(AilockId ailock);

  /**
   * @return every key the Ailock has had, oldest first (the active one last among keys made at the same instant);
   *     empty for an unknown Ailock
   */
  List<IdentityKey> keys(AilockId ailock);

  /**
   * Replaces the Ailock's active key {@code retiring} with {@code next} (same Ailock, not registered before): retires
   * the one at {@code next.createdAt()} and adds the other as active, atomically.
   *
   * @return false if {@code retiring} is no longer the active key (a concurrent rotation won; nothing changed)
   * @throws IllegalArgumentException if {@code next} belongs to another Ailock or its key id is registered already
   */
  boolean rotate(KeyId retiring, IdentityKey next);

  /**
   * Registers a new Ailock with its first key. Idempotent for the same key.
   *
   * @return false if the key was already registered (nothing changed)
   */
  boolean register(IdentityKey key);

  /**
   * Remembers a request nonce until {@code expiresAt}.
   *
   * @return true the first time this (key, nonce) pair is seen, false for a replay
   */
  boolean rememberNonce(KeyId keyId, String nonce, Instant expiresAt);

  /** What {@link #admitNonce} decided. */
  enum NonceAdmission {
    /** The key is active and the nonce new: it is remembered now. */
    ADMITTED,
    /** The key is active but the nonce was seen before (a replay); nothing changed. */
    REPLAYED,
    /** The key is unknown or retired; nothing was remembered. */
    KEY_NOT_ACTIVE
  }

  /**
   * Remembers the nonce of a request signed by a registered key until {@code expiresAt}, in one atomic step with
   * the check that the key is still active: a key retired between its lookup and this call admits nothing.
   */
  default NonceAdmission admitNonce(KeyId keyId, String nonce, Instant expiresAt) {
    if (key(keyId).filter(IdentityKey::active).isEmpty()) {
      return NonceAdmission.KEY_NOT_ACTIVE;
    }
    return rememberNonce(keyId, nonce, expiresAt) ? NonceAdmission.ADMITTED : NonceAdmission.REPLAYED;
  }

  /** Forgets nonces whose replay window has passed. @return how many were forgotten */
  int forgetNoncesBefore(Instant now);
}
