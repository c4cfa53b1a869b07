package ai.ailock.distribution.server.claim;

import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.Ed25519KeyPair;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Key;

/**
 * jjwt's {@code EdDSA} (Ed25519, RFC 8037) on libsodium: signs with the service's claim key and verifies with the
 * service's strict verifier, which refuses the non-canonical signatures Java 17's Ed25519 accepts. It replaces the
 * JDK's Ed25519, which on Java 17 costs 15 to 50 times as much CPU per signature and per verification as libsodium
 * (docs/benchmarks.md); the tokens are the same.
 */
final class SodiumEdDsa implements SecureDigestAlgorithm<SodiumEdDsa.SigningKey, SodiumEdDsa.VerifyingKey> {
  static final String ID = "EdDSA";

  private final SignatureVerifier strict;

  SodiumEdDsa(SignatureVerifier strict) {
    this.strict = strict;
  }

  /** A claim-signing key as jjwt hands it back to {@link #digest}. */
  record SigningKey(Ed25519KeyPair pair) implements Key {
    @Override public String getAlgorithm() { return "Ed25519"; }
    @Override public String getFormat() { return null; }
    @Override public byte[] getEncoded() { return null; }
    @Override public String toString() { return "SigningKey[redacted]"; }
  }

  /** A raw 32-byte Ed25519 public key, as the key locator finds it by {@code kid}. */
  record VerifyingKey(byte[] raw) implements Key {
    @Override public String getAlgorithm() { return "Ed25519"; }
    @Override public String getFormat() { return "RAW"; }
    @Override public byte[] getEncoded() { return raw.clone(); }
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public byte[] digest(SecureRequest<InputStream, SigningKey> request) {
    return Ed25519.sign(request.getKey().pair(), bytes(request.getPayload()));
  }

  @Override
  public boolean verify(VerifySecureDigestRequest<VerifyingKey> request) {
    return strict.verify(request.getKey().raw(), bytes(request.getPayload()), request.getDigest());
  }

  private static byte[] bytes(InputStream payload) {
    try (payload) {
      return payload.readAllBytes();
    } catch (IOException e) {
      throw new SignatureException("cannot read the signing input", e);
    }
  }
}
