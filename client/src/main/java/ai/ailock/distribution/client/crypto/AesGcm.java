package ai.ailock.distribution.client.crypto;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * The AES-256-GCM record function of the profile: 32-byte key, 12-byte nonce, 16-byte tag,
 * output = ciphertext | tag, at most one Cobblestone record per call (16384 bytes of plaintext).
 * {@link #forKey} returns OpenSSL's implementation where the system's libcrypto 3 loads, else
 * libsodium's where the CPU has AES-NI and PCLMUL, else JCA's (both native ones run at full speed
 * from the first record; JCA needs the JIT). All give the same bytes and pass the same vectors.
 * This class checks every argument, so the implementations only see valid, in-bounds requests.
 * Not thread-safe; {@link #close()} releases native state early (the garbage collector does it
 * otherwise).
 */
abstract sealed class AesGcm permits JcaAesGcm, OpensslAesGcm, SodiumAesGcm {

  static final int KEY_LENGTH = 32;
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;
  /** A Cobblestone record; the profile never seals more in one call. */
  static final int MAX_PLAINTEXT_LENGTH = 16384;
  static final int MAX_SEALED_LENGTH = MAX_PLAINTEXT_LENGTH + TAG_LENGTH;
  /** The profile uses no AAD; the known-answer tests use up to 513 bytes. */
  static final int MAX_AAD_LENGTH = 1024;

  /**
   * System property read once: {@code openssl}, {@code libsodium} or {@code jca} chooses the
   * record function (to compare them, or to rule out a native library); unset or empty means the
   * first available of the three.
   */
  static final String IMPLEMENTATION_PROPERTY = "ailock.crypto.aes-gcm";

  private static final System.Logger LOG = System.getLogger(AesGcm.class.getName());
  private static final byte[] NO_AAD = new byte[0];
  private static final ThreadLocal<@Nullable Implementation> OVERRIDE = new ThreadLocal<>();

  /** The implementations of the record function, in order of preference. */
  enum Implementation {
    OPENSSL,
    LIBSODIUM,
    JCA;

    /** @return the implementation {@link #forKey} uses on this thread */
    static Implementation current() {
      Implementation forced = OVERRIDE.get();
      return forced != null ? forced : Default.VALUE;
    }

    /**
     * @return whether this implementation can run here (OpenSSL needs libcrypto 3, libsodium
     *     needs AES-NI and PCLMUL)
     */
    boolean isAvailable() {
      return switch (this) {
        case OPENSSL -> OpensslAesGcm.isAvailable();
        case LIBSODIUM -> SodiumAesGcm.isAvailable();
        case JCA -> true;
      };
    }

    /**
     * @throws IllegalArgumentException unless the key has 32 bytes
     * @throws IllegalStateException if this implementation is not available here
     */
    AesGcm create(byte[] key) {
      checkKey(key);
      if (!isAvailable()) {
        throw new IllegalStateException(this + " AES-256-GCM is not available here");
      }
      return switch (this) {
        case OPENSSL -> new OpensslAesGcm(key);
        case LIBSODIUM -> new SodiumAesGcm(key);
        case JCA -> new JcaAesGcm(key);
      };
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

    /** @return the value of {@link #IMPLEMENTATION_PROPERTY} that selects this implementation */
    String propertyValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Chosen once, on first use, by {@link #choose}.
   */
  private static final class Default {
    static final Implementation VALUE =
        choose(System.getProperty(IMPLEMENTATION_PROPERTY, ""), Implementation::isAvailable);
  }

  /**
   * The implementation a process uses: the one {@code property} names if it is available, else the first available
   * of OpenSSL, libsodium and JCA. Logs (WARNING) a property it cannot follow, and a fallback from OpenSSL with
   * the reason.
   */
  static Implementation choose(String property, Predicate<Implementation> available) {
    String wanted = property.trim().toLowerCase(Locale.ROOT);
    for (Implementation implementation : Implementation.values()) {
      if (implementation.propertyValue().equals(wanted) && available.test(implementation)) {
        return implementation;
      }
    }
    if (!wanted.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING,
          "{0}={1} is not an available implementation (openssl, libsodium, jca); using the default",
          IMPLEMENTATION_PROPERTY, wanted);
    }
    if (available.test(Implementation.OPENSSL)) {
      return Implementation.OPENSSL;
    }
    Implementation fallback =
        available.test(Implementation.LIBSODIUM) ? Implementation.LIBSODIUM : Implementation.JCA;
    LOG.log(System.Logger.Level.WARNING,
        "OpenSSL AES-256-GCM unavailable ({0}); Cobblestone records use {1}",
        OpensslAesGcm.unavailableReason(), fallback.propertyValue());
    return fallback;
  }

  /** Ends a {@link Implementation#forceOnThisThread} scope. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * @return the record function for {@code key}: the default implementation or the one forced
   *     on this thread
   * @throws IllegalArgumentException unless the key has 32 bytes
   */
  static AesGcm forKey(byte[] key) {
    return Implementation.current().create(key);
  }

  abstract Implementation implementation();

  /** Releases native state (a key schedule) now rather than at garbage collection. Idempotent. */
  void close() {}

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
