package ai.ailock.distribution.client.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA-512 (RFC 5869), the key derivation of the {@code ailock-e2ee-v1} profile and
 * the exact code Cobblestone-256 derives its message keys with.
 *
 * <p>Stateless and thread-safe. Arguments are never modified and may be empty unless stated.
 */
public final class Hkdf {

  /** HashLen for SHA-512, in bytes. */
  public static final int HASH_LENGTH = 64;
  /** RFC 5869: L &lt;= 255 * HashLen. */
  public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

  private static final String HMAC = "HmacSHA512";

  private Hkdf() {}

  /**
   * HKDF-Extract: PRK = HMAC-SHA-512(salt, IKM). An empty salt means HashLen zero bytes (RFC 5869
   * §2.2).
   *
   * @return the 64-byte pseudorandom key
   */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    byte[] key = salt.length == 0 ? new byte[HASH_LENGTH] : salt;
    Mac mac = hmac(key);
    return mac.doFinal(ikm);
  }

  /**
   * HKDF-Expand: T(i) = HMAC-SHA-512(PRK, T(i-1) | info | i), output the first {@code length}
   * bytes of T(1) | T(2) | ...
   *
   * @param prk a non-empty pseudorandom key (Cobblestone uses its 32-byte input key here)
   * @throws IllegalArgumentException if {@code prk} is empty or {@code length} is negative or
   *     above {@link #MAX_OUTPUT_LENGTH}
   */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length < 0 || length > MAX_OUTPUT_LENGTH) {
      throw new IllegalArgumentException(
          "HKDF-SHA-512 output length must be 0.." + MAX_OUTPUT_LENGTH + ", was " + length);
    }
    if (prk.length == 0) {
      throw new IllegalArgumentException("HKDF-Expand needs a non-empty PRK");
    }
    Mac mac = hmac(prk);
    byte[] okm = new byte[length];
    byte[] previous = new byte[0];
    for (int done = 0, counter = 1; done < length; counter++) {
      mac.update(previous);
      mac.update(info);
      mac.update((byte) counter);
      previous = mac.doFinal();
      int n = Math.min(HASH_LENGTH, length - done);
      System.arraycopy(previous, 0, okm, done, n);
      done += n;
    }
    return okm;
  }

  /**
   * Extract then expand.
   *
   * @throws IllegalArgumentException as {@link #expand}
   */
  public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    byte[] prk = extract(salt, ikm);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("HMAC-SHA-512 refused the key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is not available", e);
    }
  }
}
