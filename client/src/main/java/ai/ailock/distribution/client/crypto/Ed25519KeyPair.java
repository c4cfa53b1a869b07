package ai.ailock.distribution.client.crypto;

import java.util.Arrays;

/**
 * An Ed25519 signing key: the 32-byte seed (RFC 8032 private key) and its 32-byte public key.
 * Immutable and thread-safe; accessors return copies. {@link #toString()} shows the key id only.
 */
public final class Ed25519KeyPair {

  private final byte[] seed;
  private final byte[] publicKey;

  Ed25519KeyPair(byte[] seed, byte[] publicKey) {
    this.seed = seed.clone();
    this.publicKey = publicKey.clone();
  }

  /** @return a copy of the 32-byte seed; keep it secret */
  public byte[] seed() {
    return seed.clone();
  }

  /** @return a copy of the 32-byte public key */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** libsodium's 64-byte secret key: seed | public key. The caller clears it. */
  byte[] libsodiumSecretKey() {
    byte[] secretKey = Arrays.copyOf(seed, 64);
    System.arraycopy(publicKey, 0, secretKey, 32, 32);
    return secretKey;
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair[keyId=" + KeyIds.of(publicKey) + "]";
  }
}
