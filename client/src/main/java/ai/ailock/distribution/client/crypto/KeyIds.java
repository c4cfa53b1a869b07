package ai.ailock.distribution.client.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Key ids of the profile: lowercase hex of the first 16 bytes of SHA-256(Ed25519 public key), 32
 * characters. Stateless and thread-safe.
 */
public final class KeyIds {

  private KeyIds() {}

  /**
   * @param ed25519PublicKey the 32-byte public key
   * @return its 32-character key id
   * @throws IllegalArgumentException unless the key has 32 bytes
   */
  public static String of(byte[] ed25519PublicKey) {
    if (ed25519PublicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 public key must be 32 bytes, was " + ed25519PublicKey.length);
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(ed25519PublicKey);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
