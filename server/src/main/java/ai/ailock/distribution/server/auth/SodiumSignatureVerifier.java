package ai.ailock.distribution.server.auth;

import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import java.security.GeneralSecurityException;

/**
 * {@link SignatureVerifier} on libsodium's strict Ed25519 verification, the same code path the SDK uses
 * (and the one the Wycheproof vectors run against).
 */
public final class SodiumSignatureVerifier implements SignatureVerifier {

  @Override
  public boolean verify(byte[] ed25519Public, byte[] message, byte[] signature) {
    try {
      Ed25519.verify(ed25519Public, message, signature);
      return true;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
