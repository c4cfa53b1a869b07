package ai.ailock.distribution.client.crypto;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.util.Arrays;

/**
 * X25519 (RFC 7748) through libsodium's {@code crypto_scalarmult}, refusing low-order peers: a
 * public key in the small subgroup (the all-zero key among them, and any non-canonical encoding
 * of one) makes every shared secret all-zero, and that is rejected. {@link #sharedSecret} reads
 * other non-canonical encodings as RFC 7748 says; {@link #checkPublicKey}, for keys things are
 * sealed to, refuses them too. Stateless and thread-safe.
 *
 * <p>The raw shared secret is not a key; the profile uses X25519 only inside {@link SealedBox}.
 */
public final class X25519 {

  /** Bytes in a private key, a public key and a shared secret. */
  public static final int KEY_LENGTH = 32;

  /** The field prime 2^255 - 19. */
  private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  /** A fixed, public scalar for the low-order probe: clamping makes it a multiple of 8. */
  private static final byte[] PROBE_SCALAR = new byte[KEY_LENGTH];

  static {
    Arrays.fill(PROBE_SCALAR, (byte) 0x5a);
  }

  private X25519() {}

  /** @return a new key pair from libsodium's CSPRNG */
  public static X25519KeyPair generateKeyPair() {
    byte[] publicKey = new byte[KEY_LENGTH];
    byte[] privateKey = new byte[KEY_LENGTH];
    if (LibSodium.get().crypto_box_keypair(publicKey, privateKey) != 0) {
      throw new IllegalStateException("crypto_box_keypair failed");
    }
    try {
      return new X25519KeyPair(privateKey, publicKey);
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
  }

  /**
   * @param privateKey a 32-byte private scalar (clamped by X25519 itself)
   * @throws IllegalArgumentException unless the key has 32 bytes
   */
  public static X25519KeyPair keyPairFromPrivateKey(byte[] privateKey) {
    requireLength(privateKey, "private key");
    byte[] publicKey = new byte[KEY_LENGTH];
    if (LibSodium.get().crypto_scalarmult_base(publicKey, privateKey) != 0) {
      throw new IllegalArgumentException("X25519 private key gives the identity point");
    }
    return new X25519KeyPair(privateKey, publicKey);
  }

  /**
   * X25519(privateKey, peerPublicKey), i.e. libsodium {@code crypto_scalarmult(q, n, p)}.
   *
   * @return the 32-byte shared secret, never all-zero
   * @throws IllegalArgumentException unless both keys have 32 bytes
   * @throws InvalidKeyException if the peer key is of low order (the result would be all-zero)
   */
  public static byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey)
      throws InvalidKeyException {
    requireLength(privateKey, "private key");
    requireLength(peerPublicKey, "public key");
    byte[] shared = new byte[KEY_LENGTH];
    int result = LibSodium.get().crypto_scalarmult(shared, privateKey, peerPublicKey);
    if (result != 0 || isAllZero(shared)) {
      Arrays.fill(shared, (byte) 0);
      throw new InvalidKeyException("X25519 peer key is of low order: the shared secret is zero");
    }
    return shared;
  }

  /**
   * The checks for a key that something is sealed to: refuses a public key that is all-zero, not
   * canonical (u &gt;= p = 2^255 - 19, or the unused top bit set: keys X25519 never outputs) or of
   * low order (in the small subgroup of the curve or its twist).
   *
   * @throws IllegalArgumentException unless the key has 32 bytes
   * @throws InvalidKeyException if the key is all-zero, not canonical or of low order
   */
  public static void checkPublicKey(byte[] publicKey) throws InvalidKeyException {
    requireLength(publicKey, "public key");
    if (isAllZero(publicKey)) {
      throw new InvalidKeyException("X25519 public key is all-zero");
    }
    if (!isCanonical(publicKey)) {
      throw new InvalidKeyException("X25519 public key is not canonical (u >= 2^255 - 19)");
    }
    sharedSecret(PROBE_SCALAR, publicKey);
  }

  private static boolean isCanonical(byte[] publicKey) {
    byte[] bigEndian = new byte[KEY_LENGTH];
    for (int i = 0; i < KEY_LENGTH; i++) {
      bigEndian[i] = publicKey[KEY_LENGTH - 1 - i];
    }
    return new BigInteger(1, bigEndian).compareTo(P) < 0;
  }

  /** Constant time in the content. */
  static boolean isAllZero(byte[] bytes) {
    int acc = 0;
    for (byte b : bytes) {
      acc |= b;
    }
    return acc == 0;
  }

  private static void requireLength(byte[] key, String what) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "X25519 " + what + " must be 32 bytes, was " + key.length);
    }
  }
}
