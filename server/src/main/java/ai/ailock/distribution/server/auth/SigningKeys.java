package ai.ailock.distribution.server.auth;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Ed25519 public keys that sign requests, by key id, remembered after their first lookup. Safe to keep because
 * a key id is the hash of its public key and a key never moves to another Ailock: what is remembered cannot become
 * wrong. Whether the key is still active can, so that is not taken from here: the authenticator's nonce admission
 * checks it in the database on every request. Bounded: when full, it starts over. Thread-safe.
 */
final class SigningKeys {
  private final Identities identities;
  private final int capacity;
  private final ConcurrentMap<KeyId, SigningKey> known = new ConcurrentHashMap<>();

  SigningKeys(Identities identities, int capacity) {
    this.identities = identities;
    this.capacity = capacity;
  }

  /** A registered key's public half and its Ailock. */
  record SigningKey(KeyId keyId, AilockId ailock, byte[] ed25519Public) {}

  /** @return the key if it is registered; looked up (and remembered) only while it is active */
  Optional<SigningKey> find(KeyId keyId) {
    SigningKey key = known.get(keyId);
    if (key != null) {
      return Optional.of(key);
    }
    Optional<SigningKey> found = identities.key(keyId).filter(IdentityKey::active)
        .map(k -> new SigningKey(k.keyId(), k.ailock(), k.ed25519Public()));
    found.ifPresent(this::remember);
    return found;
  }

  private void remember(SigningKey key) {
    if (known.size() >= capacity) {
      known.clear();
    }
    known.put(key.keyId(), key);
  }
}
