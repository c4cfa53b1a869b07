package ai.ailock.distribution.client;

import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.Ed25519KeyPair;
import ai.ailock.distribution.client.crypto.KeyIds;
import ai.ailock.distribution.client.crypto.X25519;
import ai.ailock.distribution.client.crypto.X25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Ailock's own key pairs: Ed25519 to sign requests, manifests and receipts; X25519 to receive key envelopes.
 * They never leave the Ailock; only the public halves are registered with the service. After a key rotation the
 * X25519 key pairs of retired keys are kept, by the id of the Ed25519 key they were registered with, to open
 * envelopes sealed before the rotation. Immutable and thread-safe.
 */
public final class AilockKeys {
  private static final byte[] BINDING_LABEL =
      "ailock-e2ee-v1:x25519-binding:".getBytes(StandardCharsets.US_ASCII);

  private final Ed25519KeyPair signing;
  private final X25519KeyPair encryption;
  private final Map<String, X25519KeyPair> retiredEncryption;

  public AilockKeys(Ed25519KeyPair signing, X25519KeyPair encryption) {
    this(signing, encryption, Map.of());
  }

  /** @param retiredEncryption X25519 key pairs of retired keys, by the id of their Ed25519 key, oldest first */
  public AilockKeys(Ed25519KeyPair signing, X25519KeyPair encryption, Map<String, X25519KeyPair> retiredEncryption) {
    this.signing = signing;
    this.encryption = encryption;
    this.retiredEncryption = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(retiredEncryption));
  }

  /** @return fresh random key pairs */
  public static AilockKeys generate() {
    return new AilockKeys(Ed25519.generateKeyPair(), X25519.generateKeyPair());
  }

  /**
   * @return fresh random key pairs to rotate to: these keys' X25519 pair joins the retired ones, so envelopes sealed to
   *     it still open
   */
  public AilockKeys successor() {
    Map<String, X25519KeyPair> retired = new LinkedHashMap<>(retiredEncryption);
    retired.put(keyId(), encryption);
    return new AilockKeys(Ed25519.generateKeyPair(), X25519.generateKeyPair(), retired);
  }

  /** @return the retired keys' X25519 pairs, by the id of their Ed25519 key, oldest first */
  public Map<String, X25519KeyPair> retiredEncryption() {
    return retiredEncryption;
  }

  /**
   * @param keyId the id of the Ed25519 key an envelope names as its recipient
   * @return the X25519 key pair registered with that key: the current one, or a retired one kept here
   * @throws InvalidKeyException if this Ailock never had that key, or did not keep it
   */
  public X25519KeyPair encryptionFor(String keyId) throws InvalidKeyException {
    if (keyId.equals(keyId())) {
      return encryption;
    }
    X25519KeyPair retired = retiredEncryption.get(keyId);
    if (retired == null) {
      throw new InvalidKeyException("no X25519 key of key " + keyId + " is kept here");
    }
    return retired;
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
