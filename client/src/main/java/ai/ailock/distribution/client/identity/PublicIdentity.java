package ai.ailock.distribution.client.identity;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.KeyIds;
import java.security.SignatureException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An Ailock's registered public keys, as {@code identities-get} answers them.
 *
 * @param ailockId the Ailock's id
 * @param keyId the id of the Ed25519 key (first 16 bytes of its SHA-256, hex)
 * @param ed25519PublicKey 32 bytes; verifies what the Ailock signs (manifests, receipts)
 * @param x25519PublicKey 32 bytes; what key envelopes are sealed to, once {@link #verifyBinding() verified}
 * @param x25519Signature the Ed25519 signature binding the X25519 key to the identity
 */
public record PublicIdentity(String ailockId, String keyId, byte[] ed25519PublicKey, byte[] x25519PublicKey,
    byte[] x25519Signature) {

  public PublicIdentity {
    ed25519PublicKey = ed25519PublicKey.clone();
    x25519PublicKey = x25519PublicKey.clone();
    x25519Signature = x25519Signature.clone();
  }

  /** @return the public half of an Ailock's own keys */
  public static PublicIdentity of(String ailockId, AilockKeys keys) {
    return new PublicIdentity(ailockId, keys.keyId(), keys.signing().publicKey(), keys.encryption().publicKey(),
        keys.x25519Binding());
  }

  @Override
  public byte[] ed25519PublicKey() {
    return ed25519PublicKey.clone();
  }

  @Override
  public byte[] x25519PublicKey() {
    return x25519PublicKey.clone();
  }

  @Override
  public byte[] x25519Signature() {
    return x25519Signature.clone();
  }

  /**
   * Checks that the key id names the Ed25519 key and that the Ed25519 key signed the X25519 key (docs/api.md,
   * {@code identities-register}). Call it before sealing anything to {@link #x25519PublicKey()}.
   *
   * @throws SignatureException if either does not hold
   */
  public void verifyBinding() throws SignatureException {
    if (ed25519PublicKey.length != Ed25519.PUBLIC_KEY_LENGTH || !KeyIds.of(ed25519PublicKey).equals(keyId)) {
      throw new SignatureException("the key id does not name this Ed25519 key");
    }
    Ed25519.verify(ed25519PublicKey, AilockKeys.bindingMessage(x25519PublicKey), x25519Signature);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PublicIdentity that && ailockId.equals(that.ailockId) && keyId.equals(that.keyId)
        && Arrays.equals(ed25519PublicKey, that.ed25519PublicKey)
        && Arrays.equals(x25519PublicKey, that.x25519PublicKey)
        && Arrays.equals(x25519Signature, that.x25519Signature);
  }

  @Override
  public int hashCode() {
    return ailockId.hashCode() * 31 + keyId.hashCode();
  }

  @Override
  public String toString() {
    return "PublicIdentity[ailockId=" + ailockId + ", keyId=" + keyId + "]";
  }
}
