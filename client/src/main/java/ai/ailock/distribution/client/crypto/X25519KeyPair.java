package ai.ailock.distribution.client.crypto;

import java.util.HexFormat;

/**
 * An X25519 key pair (libsodium crypto_box format): the 32-byte private scalar and the 32-byte
 * public u-coordinate. Immutable and thread-safe; accessors return copies. {@link #toString()}
 * shows the public key only.
 */
public final class X25519KeyPair {

  private final byte[] privateKey;
  private final byte[] publicKey;

  X25519KeyPair(byte[] privateKey, byte[] publicKey) {
    this.privateKey = privateKey.clone();
    this.publicKey = publicKey.clone();
  }

  /** @return a copy of the 32-byte private key; keep it secret */
  public byte[] privateKey() {
    return privateKey.clone();
  }

  /** @return a copy of the 32-byte public key */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  byte[] privateKeyUnsafe() {
    return privateKey;
  }

  byte[] publicKeyUnsafe() {
    return publicKey;
  }

  @Override
  public String toString() {
    return "X25519KeyPair[public=" + HexFormat.of().formatHex(publicKey) + "]";
  }
}
