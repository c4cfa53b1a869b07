package ai.ailock.distribution.client;

import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.Ed25519KeyPair;
import ai.ailock.distribution.client.crypto.KeyIds;
import ai.ailock.distribution.client.crypto.X25519;
import ai.ailock.distribution.client.crypto.X25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An Ailock's own key pairs: Ed25519 to sign requests, manifests and receipts; X25519 to receive key envelopes.
 * They never leave the Ailock; only the public halves are registered with the service. Thread-safe.
 */
public final class AilockKeys {
  private static final byte[] BINDING_LABEL =
      "ailock-e2ee-v1:x25519-binding:".getBytes(StandardCharsets.US_ASCII);

  private final Ed25519KeyPair signing;
  private final X25519KeyPair encryption;

  public AilockKeys(Ed25519KeyPair signing, X25519KeyPair encryption) {
    this.signing = signing;
    this.encryption = encryption;
  }

  /** @return fresh random key pairs */
  public static AilockKeys generate() {
    return new AilockKeys(Ed25519.generateKeyPair(), X25519.generateKeyPair());
  }

  public Ed25519KeyPair signing() {
    return signing;
  }

  public X25519KeyPair encryption() {
    return encryption;
  }

  /** @return the signing key's id: lowercase hex of the first 16 bytes of SHA-256(public key) */
  public String keyId() {
    return KeyIds.of(signing.publicKey());
  }

  /** @return the Ed25519 signature of {@code message} */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(signing, message);
  }

  /** @return the signature binding the X25519 key to the Ed25519 key (docs/api.md, identities-register) */
  public byte[] x25519Binding() {
    return sign(bindingMessage(encryption.publicKey()));
  }

  /**
   * @return the bytes an X25519 binding signature covers: ASCII {@code ailock-e2ee-v1:x25519-binding:} followed by
   *     the 32 raw bytes of {@code x25519PublicKey}
   */
  public static byte[] bindingMessage(byte[] x25519PublicKey) {
    byte[] message = Arrays.copyOf(BINDING_LABEL, BINDING_LABEL.length + x25519PublicKey.length);
    System.arraycopy(x25519PublicKey, 0, message, BINDING_LABEL.length, x25519PublicKey.length);
    return message;
  }

  @Override
  public String toString() {
    return "AilockKeys[keyId=" + keyId() + "]";
  }
}
