package ai.ailock.distribution.server.claim;

import ai.ailock.distribution.client.crypto.Ed25519;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One of the service's Ed25519 claim-signing keys: its {@code kid}, the JDK keys jjwt signs and verifies with, and the
 * raw public key for the strict (libsodium) check of every token's signature.
 */
public final class ClaimSigningKey {
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String kid;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final byte[] rawPublic;

  private ClaimSigningKey(String kid, PrivateKey privateKey, PublicKey publicKey, byte[] rawPublic) {
    this.kid = kid;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.rawPublic = rawPublic;
  }

  /**
   * @param seed the 32-byte Ed25519 private key (RFC 8032)
   * @throws IllegalArgumentException for a malformed kid or seed
   */
  public static ClaimSigningKey fromSeed(String kid, byte[] seed) {
    if (!KID.matcher(kid).matches() || seed.length != Ed25519.SEED_LENGTH) {
      throw new IllegalArgumentException("a claim signing key needs a kid of [A-Za-z0-9._-]{1,64} and a 32-byte seed");
    }
    byte[] rawPublic = Ed25519.keyPairFromSeed(seed).publicKey();
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
      PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, rawPublic)));
      return new ClaimSigningKey(kid, privateKey, publicKey, rawPublic);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides Ed25519", e);
    }
  }

  public String kid() {
    return kid;
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  PublicKey publicKey() {
    return publicKey;
  }

  /** @return the raw 32-byte public key */
  public byte[] rawPublic() {
    return rawPublic.clone();
  }

  private static byte[] concat(byte[] prefix, byte[] key) {
    byte[] encoded = Arrays.copyOf(prefix, prefix.length + key.length);
    System.arraycopy(key, 0, encoded, prefix.length, key.length);
    return encoded;
  }

  @Override
  public String toString() {
    return "ClaimSigningKey[kid=" + kid + "]";
  }
}
