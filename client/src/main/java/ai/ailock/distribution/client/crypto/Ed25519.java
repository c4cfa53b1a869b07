package ai.ailock.distribution.client.crypto;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through libsodium, with strict verification: besides the signature
 * equation, a signature is refused if its S is not canonical (S &gt;= L), if R or the public key
 * is of small order, or if the public key or R is not a canonical encoding. This rules out
 * malleable signatures and keys that verify anything. Stateless and thread-safe.
 */
public final class Ed25519 {

  /** Bytes in a seed (the RFC 8032 private key). */
  public static final int SEED_LENGTH = 32;
  /** Bytes in a public key. */
  public static final int PUBLIC_KEY_LENGTH = 32;
  /** Bytes in a signature, R | S. */
  public static final int SIGNATURE_LENGTH = 64;

  /** The order of the base point, L = 2^252 + 27742317777372353535851937790883648493. */
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private Ed25519() {}

  /** @return a new key pair from a {@link java.security.SecureRandom} seed */
  public static Ed25519KeyPair generateKeyPair() {
    byte[] seed = Cobblestone.randomBytes(SEED_LENGTH);
    try {
      return keyPairFromSeed(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * @param seed the 32-byte RFC 8032 private key
   * @throws IllegalArgumentException unless the seed has 32 bytes
   */
  public static Ed25519KeyPair keyPairFromSeed(byte[] seed) {
    requireLength(seed, SEED_LENGTH, "seed");
    byte[] publicKey = new byte[PUBLIC_KEY_LENGTH];
    byte[] secretKey = new byte[64];
    check(LibSodium.get().crypto_sign_seed_keypair(publicKey, secretKey, seed));
    Arrays.fill(secretKey, (byte) 0);
    return new Ed25519KeyPair(seed, publicKey);
  }

  /** @return the 64-byte deterministic signature R | S of {@code message} */
  public static byte[] sign(Ed25519KeyPair signer, byte[] message) {
    byte[] signature = new byte[SIGNATURE_LENGTH];
    byte[] secretKey = signer.libsodiumSecretKey();
    try {
      check(
          LibSodium.get()
              .crypto_sign_detached(signature, null, message, message.length, secretKey));
    } finally {
      Arrays.fill(secretKey, (byte) 0);
    }
    return signature;
  }

  /**
   * Verifies strictly (see the class comment).
   *
   * @param publicKey the signer's 32-byte public key
   * @throws IllegalArgumentException unless the public key has 32 bytes
   * @throws SignatureException if the signature is not 64 bytes, not canonical, or not valid for
   *     this key and message, or if the key is of small order or not canonical
   */
  public static void verify(byte[] publicKey, byte[] message, byte[] signature)
      throws SignatureException {
    requireLength(publicKey, PUBLIC_KEY_LENGTH, "public key");
    if (signature.length != SIGNATURE_LENGTH) {
      throw new SignatureException("Ed25519 signature must be 64 bytes, was " + signature.length);
    }
    if (!hasCanonicalS(signature)) {
      throw new SignatureException("Ed25519 signature is not canonical (S >= L)");
    }
    // libsodium also refuses small-order R and small-order or non-canonical public keys
    if (LibSodium.get().crypto_sign_verify_detached(signature, message, message.length, publicKey)
        != 0) {
      throw new SignatureException("Ed25519 signature verification failed");
    }
  }

  private static boolean hasCanonicalS(byte[] signature) {
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = signature[63 - i];
    }
    return new BigInteger(1, bigEndian).compareTo(L) < 0;
  }

  private static void requireLength(byte[] bytes, int length, String what) {
    if (bytes.length != length) {
      throw new IllegalArgumentException(
          "Ed25519 " + what + " must be " + length + " bytes, was " + bytes.length);
    }
  }

  private static void check(int result) {
    if (result != 0) {
      throw new IllegalStateException("libsodium Ed25519 call failed: " + result);
    }
  }
}
