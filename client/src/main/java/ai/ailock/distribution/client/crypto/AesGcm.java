package ai.ailock.distribution.client.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * The AES-256-GCM record function of the profile: 32-byte key, 12-byte nonce, 16-byte tag,
 * output = ciphertext | tag, at most one Cobblestone record per call (16384 bytes of plaintext).
 * {@link #forKey} returns libsodium's implementation where the CPU has AES-NI and PCLMUL (native
 * from the first byte, so a fresh process runs at full speed) and JCA's otherwise; both give the
 * same bytes and pass the same vectors. This class checks every argument, so the
 * implementations only see valid, in-bounds requests. Not thread-safe.
 */
abstract sealed class AesGcm permits JcaAesGcm, SodiumAesGcm {

  static final int KEY_LENGTH = 32;
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;
  /** A Cobblestone record; the profile never seals more in one call. */
  static final int MAX_PLAINTEXT_LENGTH = 16384;
  static final int MAX_SEALED_LENGTH = MAX_PLAINTEXT_LENGTH + TAG_LENGTH;
  /** The profile uses no AAD; the known-answer tests use up to 513 bytes. */
  static final int MAX_AAD_LENGTH = 1024;

  /**
   * System property read once: {@code jca} makes JCA the record function even where libsodium's
   * is available (to compare them, or to rule out the native code).
   */
  static final String IMPLEMENTATION_PROPERTY = "ailock.crypto.aes-gcm";

  private static final byte[] NO_AAD = new byte[0];
  private static final ThreadLocal<@Nullable Implementation> OVERRIDE = new ThreadLocal<>();

  /** The two implementations of the record function. */
  enum Implementation {
    LIBSODIUM,
    JCA;

    /** @return the implementation {@link #forKey} uses on this thread */
    static Implementation current() {
      Implementation forced = OVERRIDE.get();
      return forced != null ? forced : Default.VALUE;
    }

    /** @return whether this implementation can run here (libsodium needs AES-NI and PCLMUL) */
    boolean isAvailable() {
      return this == JCA || SodiumAesGcm.isAvailable();
    }

    /**
     * @throws IllegalArgumentException unless the key has 32 bytes
     * @throws IllegalStateException if this implementation is not available here
     */
    AesGcm create(byte[] key) {
      checkKey(key);
      if (this == JCA) {
        return new JcaAesGcm(key);
      }
      if (!SodiumAesGcm.isAvailable()) {
        throw new IllegalStateException("libsodium AES-256-GCM needs AES-NI and PCLMUL");
      }
      return new SodiumAesGcm(key);
    }

    /**
     * Known-answer test hook: until the returned scope is closed, {@link #forKey} on this thread
     * (and so every Cobblestone stream created on it) uses this implementation.
     */
    Scope forceOnThisThread() {
      if (!isAvailable()) {
        throw new IllegalStateException(this + " is not available here");
      }
      Implementation previous = OVERRIDE.get();
      OVERRIDE.set(this);
      return () -> OVERRIDE.set(previous);
    }
  }

  /** Chosen once, on first use: JCA if the property asks for it, else libsodium if available. */
  private static final class Default {
    static final Implementation VALUE =
        "jca".equals(System.getProperty(IMPLEMENTATION_PROPERTY, "").toLowerCase(Locale.ROOT))
                || !SodiumAesGcm.isAvailable()
            ? Implementation.JCA
            : Implementation.LIBSODIUM;
  }

  /** Ends a {@link Implementation#forceOnThisThread} scope. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * @return the record function for {@code key}: libsodium where available, else JCA
   * @throws IllegalArgumentException unless the key has 32 bytes
   */
  static AesGcm forKey(byte[] key) {
    return Implementation.current().create(key);
  }

  abstract Implementation implementation();

  /** Seals {@code in[inOff, inOff+len)} into {@code out} at {@code outOff}; returns len + 16. */
  final int seal(byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
    return seal(nonce, NO_AAD, in, inOff, len, out, outOff);
  }

  /**
   * @throws IllegalArgumentException for a nonce other than 12 bytes, more than 16384 bytes of
   *     plaintext or 1024 of AAD
   * @throws IndexOutOfBoundsException if a range is outside its array
   */
  final int seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    checkNonceAndAad(nonce, aad);
    Objects.checkFromIndexSize(inOff, len, in.length);
    if (len > MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "AES-GCM record of " + len + " bytes exceeds " + MAX_PLAINTEXT_LENGTH);
    }
    Objects.checkFromIndexSize(outOff, len + TAG_LENGTH, out.length);
    sealChecked(nonce, aad, in, inOff, len, out, outOff);
    return len + TAG_LENGTH;
  }

  /**
   * Opens {@code in[inOff, inOff+len)} (ciphertext | tag) into {@code out} at {@code outOff};
   * returns len - 16. On failure the output range is zeroed, so no unauthenticated byte remains.
   *
   * @throws AEADBadTagException if the input is shorter than a tag or does not authenticate
   */
  final int open(byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    return open(nonce, NO_AAD, in, inOff, len, out, outOff);
  }

  /**
   * @throws AEADBadTagException if the input is shorter than a tag or does not authenticate
   * @throws IllegalArgumentException for a nonce other than 12 bytes, more than 16400 bytes of
   *     input or 1024 of AAD
   * @throws IndexOutOfBoundsException if a range is outside its array
   */
  final int open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    checkNonceAndAad(nonce, aad);
    Objects.checkFromIndexSize(inOff, len, in.length);
    if (len > MAX_SEALED_LENGTH) {
      throw new IllegalArgumentException(
          "sealed AES-GCM record of " + len + " bytes exceeds " + MAX_SEALED_LENGTH);
    }
    if (len < TAG_LENGTH) {
      throw new AEADBadTagException("input of " + len + " bytes is shorter than a GCM tag");
    }
    int plaintextLength = len - TAG_LENGTH;
    Objects.checkFromIndexSize(outOff, plaintextLength, out.length);
    try {
      openChecked(nonce, aad, in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      Arrays.fill(out, outOff, outOff + plaintextLength, (byte) 0);
      throw e;
    }
    return plaintextLength;
  }

  /** Arguments checked: nonce 12 bytes, aad, plaintext and output ranges within the limits. */
  abstract void sealChecked(
      byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff);

  /**
   * Arguments checked: 16 <= len <= 16400 and the output range holds len - 16 bytes. On failure
   * the caller zeroes that range.
   */
  abstract void openChecked(
      byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException;

  static void checkKey(byte[] key) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("AES-256-GCM key must be 32 bytes, was " + key.length);
    }
  }

  private static void checkNonceAndAad(byte[] nonce, byte[] aad) {
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("AES-GCM nonce must be 12 bytes, was " + nonce.length);
    }
    if (aad.length > MAX_AAD_LENGTH) {
      throw new IllegalArgumentException(
          "AES-GCM AAD of " + aad.length + " bytes exceeds " + MAX_AAD_LENGTH);
    }
  }
}
