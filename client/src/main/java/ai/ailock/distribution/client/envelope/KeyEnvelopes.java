package ai.ailock.distribution.client.envelope;

import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import ai.ailock.distribution.client.crypto.SealedBox;
import ai.ailock.distribution.client.crypto.X25519KeyPair;
import ai.ailock.distribution.client.identity.PublicIdentity;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.util.Arrays;

/**
 * Key envelopes of profile {@code ailock-e2ee-v1} (docs/crypto.md, "Key envelopes"): the 32-byte Cobblestone input
 * key sealed to the recipient's X25519 key, 80 bytes. The service stores them as opaque bytes. Stateless and
 * thread-safe.
 */
public final class KeyEnvelopes {
  /** Bytes in a Cobblestone-256 input key. */
  public static final int INPUT_KEY_LENGTH = 32;
  /** Bytes in an envelope: the 32-byte key plus the sealed box's 48-byte overhead. */
  public static final int LENGTH = INPUT_KEY_LENGTH + SealedBox.OVERHEAD;

  private KeyEnvelopes() {}

  /**
   * Seals {@code inputKey} to a raw X25519 public key. Prefer {@link #sealTo(byte[], PublicIdentity)}, which checks
   * that the key belongs to the identity first.
   *
   * @throws IllegalArgumentException unless the input key has 32 bytes and the public key 32
   * @throws InvalidKeyException if the recipient key is all-zero, not canonical or of low order
   */
  public static byte[] seal(byte[] inputKey, byte[] recipientX25519PublicKey) throws InvalidKeyException {
    requireInputKey(inputKey);
    return SealedBox.seal(inputKey, recipientX25519PublicKey);
  }

  /**
   * Verifies the recipient's X25519 binding signature, then seals {@code inputKey} to its X25519 key.
   *
   * @throws SignatureException if the X25519 key is not bound to the identity's Ed25519 key
   * @throws InvalidKeyException if the recipient key is all-zero, not canonical or of low order
   */
  public static byte[] sealTo(byte[] inputKey, PublicIdentity recipient) throws SignatureException, InvalidKeyException {
    recipient.verifyBinding();
    return seal(inputKey, recipient.x25519PublicKey());
  }

  /**
   * Opens an envelope sealed to {@code recipient}.
   *
   * @return the 32-byte input key
   * @throws InvalidCiphertextException if the envelope was sealed to another key, was modified, or does not hold a
   *     32-byte key
   */
  public static byte[] open(byte[] envelope, X25519KeyPair recipient) throws InvalidCiphertextException {
    byte[] key = SealedBox.open(envelope, recipient);
    if (key.length != INPUT_KEY_LENGTH) {
      Arrays.fill(key, (byte) 0);
      throw new InvalidCiphertextException("the envelope does not hold a 32-byte input key");
    }
    return key;
  }

  private static void requireInputKey(byte[] inputKey) {
    if (inputKey.length != INPUT_KEY_LENGTH) {
      throw new IllegalArgumentException("an input key has 32 bytes, was " + inputKey.length);
    }
  }
}
