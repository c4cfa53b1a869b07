package ai.ailock.distribution.client.crypto;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM through the bundled libsodium ({@code crypto_aead_aes256gcm_encrypt} and
 * {@code _decrypt}, combined mode: ciphertext | tag), which needs AES-NI and PCLMUL. Native code
 * runs at full speed from the first call, with no JIT warm-up. libsodium verifies the tag before
 * it decrypts and zeroes its output on failure.
 *
 * <p>A call copies its inputs into native memory owned by the calling thread ({@link Scratch}:
 * key | nonce | AAD | input | output, each region sized for the largest request {@link AesGcm}
 * lets through), calls libsodium, copies the result out and clears the key region again. So the
 * native memory is bounded by the number of threads, not of messages, and holds no key between
 * calls. Not thread-safe (the instance); any number of instances may share a thread.
 */
final class SodiumAesGcm extends AesGcm {

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final byte[] key;

  /** Callers check {@link #isAvailable()} first. */
  SodiumAesGcm(byte[] key) {
    checkKey(key);
    this.key = key.clone();
  }

  /** @return whether libsodium loaded and reports AES-256-GCM support on this CPU */
  static boolean isAvailable() {
    return Binding.AVAILABLE;
  }

  @Override
  Implementation implementation() {
    return Implementation.LIBSODIUM;
  }

  @Override
  void sealChecked(
      byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    int sealedLength = len + TAG_LENGTH;
    // every region libsodium reads or writes must hold what it is told to
    Scratch.check(nonce.length, aad.length, len, sealedLength);
    Scratch scratch = SCRATCH.get();
    try {
      scratch.load(key, nonce, aad);
      scratch.input.write(0, in, inOff, len);
      int result =
          Binding.crypto_aead_aes256gcm_encrypt(
              scratch.output, null, scratch.input, len, scratch.aad, aad.length, null,
              scratch.nonce, scratch.key);
      if (result != 0) {
        throw new IllegalStateException("crypto_aead_aes256gcm_encrypt failed: " + result);
      }
      scratch.output.read(0, out, outOff, sealedLength);
    } finally {
      scratch.key.clear(KEY_LENGTH);
    }
  }

  @Override
  void openChecked(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    int plaintextLength = len - TAG_LENGTH;
    if (plaintextLength < 0) {
      throw new IllegalArgumentException("sealed input shorter than a tag");
    }
    Scratch.check(nonce.length, aad.length, len, plaintextLength);
    Scratch scratch = SCRATCH.get();
    try {
      scratch.load(key, nonce, aad);
      scratch.input.write(0, in, inOff, len);
      int result =
          Binding.crypto_aead_aes256gcm_decrypt(
              scratch.output, null, null, scratch.input, len, scratch.aad, aad.length,
              scratch.nonce, scratch.key);
      if (result != 0) {
        throw new AEADBadTagException("AES-GCM tag mismatch");
      }
      scratch.output.read(0, out, outOff, plaintextLength);
    } finally {
      scratch.key.clear(KEY_LENGTH);
    }
  }

  /** One thread's native memory for one call at a time: key | nonce | AAD | input | output. */
  private static final class Scratch {
    private static final int NONCE_AT = KEY_LENGTH;
    private static final int AAD_AT = NONCE_AT + 16;
    private static final int INPUT_AT = AAD_AT + MAX_AAD_LENGTH;
    private static final int OUTPUT_AT = INPUT_AT + MAX_SEALED_LENGTH;
    private static final int LENGTH = OUTPUT_AT + MAX_SEALED_LENGTH;

    // each region is a bounds-checked view: a Java write past its end throws
    private final Memory memory = new Memory(LENGTH);
    final Pointer key = memory.share(0, KEY_LENGTH);
    final Pointer nonce = memory.share(NONCE_AT, NONCE_LENGTH);
    final Pointer aad = memory.share(AAD_AT, MAX_AAD_LENGTH);
    final Pointer input = memory.share(INPUT_AT, MAX_SEALED_LENGTH);
    final Pointer output = memory.share(OUTPUT_AT, MAX_SEALED_LENGTH);

    /** Refuses any length a region cannot hold, before libsodium is told it. */
    static void check(int nonceLength, int aadLength, int inputLength, int outputLength) {
      if (nonceLength != NONCE_LENGTH
          || aadLength < 0 || aadLength > MAX_AAD_LENGTH
          || inputLength < 0 || inputLength > MAX_SEALED_LENGTH
          || outputLength < 0 || outputLength > MAX_SEALED_LENGTH) {
        throw new IllegalStateException("request outside the native buffers");
      }
    }

    void load(byte[] keyBytes, byte[] nonceBytes, byte[] aadBytes) {
      key.write(0, keyBytes, 0, KEY_LENGTH);
      nonce.write(0, nonceBytes, 0, NONCE_LENGTH);
      aad.write(0, aadBytes, 0, aadBytes.length);
    }
  }

  /**
   * Direct JNA mappings in C's argument order (outputs first). {@code unsigned long long} is a
   * Java {@code long}; the length-out and {@code nsec} pointers are always NULL.
   */
  /** The three libsodium functions, bound once; package-visible so the benchmark measures the same calls. */
  static final class Binding {

    static final boolean AVAILABLE = register();

    private Binding() {}

    private static boolean register() {
      try {
        // LibSodium.path() loads the library and runs sodium_init, which detects AES-NI/PCLMUL
        Native.register(Binding.class, LibSodium.path());
        return crypto_aead_aes256gcm_is_available() == 1;
      } catch (LinkageError | RuntimeException e) {
        return false; // no native library or symbol here: JCA it is
      }
    }

    /** {@code int crypto_aead_aes256gcm_is_available(void)} */
    static native int crypto_aead_aes256gcm_is_available();

    /**
     * {@code int crypto_aead_aes256gcm_encrypt(unsigned char *c, unsigned long long *clen_p, const
     * unsigned char *m, unsigned long long mlen, const unsigned char *ad, unsigned long long
     * adlen, const unsigned char *nsec, const unsigned char *npub, const unsigned char *k)}:
     * writes mlen + 16 bytes to c.
     */
    static native int crypto_aead_aes256gcm_encrypt(
        Pointer c,
        @Nullable Pointer clenP,
        Pointer m,
        long mlen,
        Pointer ad,
        long adlen,
        @Nullable Pointer nsec,
        Pointer npub,
        Pointer k);

    /**
     * {@code int crypto_aead_aes256gcm_decrypt(unsigned char *m, unsigned long long *mlen_p,
     * unsigned char *nsec, const unsigned char *c, unsigned long long clen, const unsigned char
     * *ad, unsigned long long adlen, const unsigned char *npub, const unsigned char *k)}: writes
     * clen - 16 bytes to m and returns 0, or returns -1 (clen &lt; 16, or the tag does not verify).
     */
    static native int crypto_aead_aes256gcm_decrypt(
        Pointer m,
        @Nullable Pointer mlenP,
        @Nullable Pointer nsec,
        Pointer c,
        long clen,
        Pointer ad,
        long adlen,
        Pointer npub,
        Pointer k);
  }
}
