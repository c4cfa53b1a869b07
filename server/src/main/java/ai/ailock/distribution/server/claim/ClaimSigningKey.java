package ai.ailock.distribution.server.claim;

import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.Ed25519KeyPair;
import java.util.regex.Pattern;

/** One of the service's Ed25519 claim-signing keys: its {@code kid} and the key pair libsodium signs with. */
public final class ClaimSigningKey {
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String kid;
  private final Ed25519KeyPair pair;

  private ClaimSigningKey(String kid, Ed25519KeyPair pair) {
    this.kid = kid;
    this.pair = pair;
  }

  /**
   * @param seed the 32-byte Ed25519 private key (RFC 8032)
   * @throws IllegalArgumentException for a malformed kid or seed
   */
  public static ClaimSigningKey fromSeed(String kid, byte[] seed) {
    if (!KID.matcher(kid).matches() || seed.length != Ed25519.SEED_LENGTH) {
      throw new IllegalArgumentException("a claim signing key needs a kid of [A-Za-z0-9._-]{1,64} and a 32-byte seed");
    }
    return new ClaimSigningKey(kid, Ed25519.keyPairFromSeed(seed));
  }

  public String kid() {
    return kid;
  }

  SodiumEdDsa.SigningKey signingKey() {
    return new SodiumEdDsa.SigningKey(pair);
  }

  SodiumEdDsa.VerifyingKey verifyingKey() {
    return new SodiumEdDsa.VerifyingKey(pair.publicKey());
  }

  /** @return the raw 32-byte public key */
  public byte[] rawPublic() {
    return pair.publicKey();
  }

  @Override
  public String toString() {
    return "ClaimSigningKey[kid=" + kid + "]";
  }
}
