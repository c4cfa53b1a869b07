package ai.ailock.distribution.client.crypto;

import java.security.InvalidKeyException;
import java.util.Arrays;

/**
 * libsodium sealed boxes ({@code crypto_box_seal}): anonymous public-key encryption to an X25519
 * key, used for key envelopes. A box is ephemeral public key (32) | XSalsa20-Poly1305 ciphertext
 * of the message with its tag (16 + message), so {@link #OVERHEAD} = 48 bytes. Stateless and
 * thread-safe.
 */
public final class SealedBox {

  /** Bytes a box adds to its message. */
  public static final int OVERHEAD = 48;

  private SealedBox() {}

  /**
   * Seals {@code message} to {@code recipientPublicKey}.
   *
   * @throws IllegalArgumentException unless the key has 32 bytes
   * @throws InvalidKeyException if the key is all-zero or of low order (it would let anyone open
   *     the box)
   */
  public static byte[] seal(byte[] message, byte[] recipientPublicKey) throws InvalidKeyException {
    X25519.checkPublicKey(recipientPublicKey);
    byte[] box = new byte[message.length + OVERHEAD];
    if (LibSodium.get().crypto_box_seal(box, message, message.length, recipientPublicKey) != 0) {
      throw new InvalidKeyException("crypto_box_seal refused the recipient key");
    }
    return box;
  }

  /**
   * Opens a box sealed to {@code recipient}.
   *
   * @throws InvalidCiphertextException if the box is shorter than 48 bytes, was sealed to another
   *     key, or was modified
   */
  public static byte[] open(byte[] box, X25519KeyPair recipient)
      throws InvalidCiphertextException {
    if (box.length < OVERHEAD) {
      throw new InvalidCiphertextException(
          "sealed box of " + box.length + " bytes is shorter than its 48-byte overhead");
    }
    byte[] message = new byte[box.length - OVERHEAD];
    byte[] publicKey = recipient.publicKeyUnsafe();
    byte[] privateKey = recipient.privateKeyUnsafe();
    int result =
        LibSodium.get().crypto_box_seal_open(message, box, box.length, publicKey, privateKey);
    if (result != 0) {
      Arrays.fill(message, (byte) 0);
      throw new InvalidCiphertextException(
          "sealed box failed authentication: wrong recipient key or modified box");
    }
    return message;
  }
}
