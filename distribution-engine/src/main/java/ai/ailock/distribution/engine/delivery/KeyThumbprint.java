package ai.ailock.distribution.engine.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RFC 7638 JWK thumbprint of an Ed25519 public key, as a claim token's {@code cnf.jkt} (RFC 7800) names the key
 * that must sign every request presenting the token: base64url (no padding) of SHA-256 over
 * {@code {"crv":"Ed25519","kty":"OKP","x":"<base64url key>"}} (the required members in lexicographic order, no
 * whitespace, RFC 8037 §2).
 */
public final class KeyThumbprint {
  private KeyThumbprint() {}

  /** @return the thumbprint of a raw 32-byte Ed25519 public key */
  public static String of(byte[] ed25519Public) {
    if (ed25519Public.length != 32) {
      throw new IllegalArgumentException("Ed25519 public keys are 32 bytes");
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + b64.encodeToString(ed25519Public) + "\"}";
    try {
      return b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
