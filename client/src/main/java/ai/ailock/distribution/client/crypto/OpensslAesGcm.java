package ai.ailock.distribution.client.crypto;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM through OpenSSL's EVP interface in the system's {@code libcrypto.so.3} (called
 * through JNA direct mapping). OpenSSL picks its fastest code for the CPU (AES-NI with AVX-512
 * and VAES where present), is native from the first call and decrypts in one pass; it also makes
 * the tag comparison, in constant time.
 *
 * <p>Each instance owns one {@code EVP_CIPHER_CTX}, keyed once in the constructor: the key lives
 * only as OpenSSL's key schedule in that context, which {@link #close()} (or, as a backstop, the
 * garbage collector through a {@link Cleaner}) frees, and OpenSSL clears. A call sets the nonce
 * and the direction, then runs update and final on the calling thread's native buffers
 * ({@link Scratch}: input | output | tag | length, sized for the largest request {@link AesGcm}
 * lets through). Opened plaintext is copied out of native memory only after OpenSSL verified the
 * tag; on failure the native output is cleared. Not thread-safe (the instance).
 */
final class OpensslAesGcm extends AesGcm {

  private static final Cleaner CLEANER = Cleaner.create();
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Context context;
  private final Cleaner.Cleanable cleanable;

  /** Callers check {@link #isAvailable()} first. */
  OpensslAesGcm(byte[] key) {
    checkKey(key);
    this.context = new Context(Binding.EVP_CIPHER_CTX_new());
    this.cleanable = CLEANER.register(this, context);
    Memory keyMemory = new Memory(KEY_LENGTH);
    try {
      keyMemory.write(0, key, 0, KEY_LENGTH);
      // cipher and key once: the context keeps the key schedule, later calls change the nonce
      if (Binding.EVP_CipherInit_ex(context.pointer, Binding.AES_256_GCM, null, keyMemory, null, 1)
          != 1) {
        throw new IllegalStateException("EVP_CipherInit_ex(aes-256-gcm) failed");
      }
    } catch (RuntimeException e) {
      cleanable.clean();
      throw e;
    } finally {
      keyMemory.clear();
      keyMemory.close();
    }
  }

  /** @return whether libcrypto 3 loaded and offers AES-256-GCM */
  static boolean isAvailable() {
    return Binding.AVAILABLE;
  }

  /** @return why libcrypto is not available here, or null if it is */
  static @Nullable String unavailableReason() {
    return Binding.UNAVAILABLE_REASON;
  }

  @Override
  Implementation implementation() {
    return Implementation.OPENSSL;
  }

  @Override
  void close() {
    cleanable.clean();
  }

  @Override
  void sealChecked(
      byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    try {
      seal(SCRATCH.get(), nonce, aad, in, inOff, len, out, outOff);
    } finally {
      Reference.reachabilityFence(this); // the cleaner must not free the context mid-call
    }
  }

  @Override
  void openChecked(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    try {
      open(SCRATCH.get(), nonce, aad, in, inOff, len, out, outOff);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  private void seal(
      Scratch scratch, byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out,
      int outOff) {
    Pointer ctx = start(scratch, nonce, aad, 1);
    scratch.input.write(0, in, inOff, len);
    if (Binding.EVP_CipherUpdate(ctx, scratch.output, scratch.length, scratch.input, len) != 1
        || scratch.length.getInt(0) != len
        || Binding.EVP_CipherFinal_ex(ctx, scratch.output.share(len), scratch.length) != 1
        || Binding.EVP_CIPHER_CTX_ctrl(ctx, Binding.EVP_CTRL_GCM_GET_TAG, TAG_LENGTH, scratch.tag)
            != 1) {
      throw new IllegalStateException("OpenSSL AES-256-GCM encryption failed");
    }
    scratch.output.read(0, out, outOff, len);
    scratch.tag.read(0, out, outOff + len, TAG_LENGTH);
  }

  private void open(
      Scratch scratch, byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out,
      int outOff) throws AEADBadTagException {
    int plaintextLength = len - TAG_LENGTH;
    Pointer ctx = start(scratch, nonce, aad, 0);
    scratch.input.write(0, in, inOff, plaintextLength);
    scratch.tag.write(0, in, inOff + plaintextLength, TAG_LENGTH);
    if (Binding.EVP_CIPHER_CTX_ctrl(ctx, Binding.EVP_CTRL_GCM_SET_TAG, TAG_LENGTH, scratch.tag)
            != 1
        || Binding.EVP_CipherUpdate(
                ctx, scratch.output, scratch.length, scratch.input, plaintextLength)
            != 1) {
      scratch.output.clear(plaintextLength);
      throw new IllegalStateException("OpenSSL AES-256-GCM decryption failed");
    }
    // final compares the tag (constant time); before it returns 1 nothing leaves native memory
    if (Binding.EVP_CipherFinal_ex(ctx, scratch.output.share(plaintextLength), scratch.length)
        != 1) {
      scratch.output.clear(plaintextLength);
      throw new AEADBadTagException("AES-GCM tag mismatch");
    }
    scratch.output.read(0, out, outOff, plaintextLength);
  }

  /** Sets the nonce and the direction (1 seal, 0 open) and feeds the AAD; returns the context. */
  private Pointer start(Scratch scratch, byte[] nonce, byte[] aad, int encrypt) {
    Pointer ctx = context.pointer;
    if (ctx == null) {
      throw new IllegalStateException("AES-GCM instance closed");
    }
    scratch.nonce.write(0, nonce, 0, NONCE_LENGTH);
    if (Binding.EVP_CipherInit_ex(ctx, null, null, null, scratch.nonce, encrypt) != 1) {
      throw new IllegalStateException("EVP_CipherInit_ex(nonce) failed");
    }
    if (aad.length > 0) {
      scratch.aad.write(0, aad, 0, aad.length);
      if (Binding.EVP_CipherUpdate(ctx, null, scratch.length, scratch.aad, aad.length) != 1) {
        throw new IllegalStateException("EVP_CipherUpdate(aad) failed");
      }
    }
    return ctx;
  }

  /** The native context, freed once: by close() or when its owner became unreachable. */
  private static final class Context implements Runnable {
    volatile @Nullable Pointer pointer;

    Context(@Nullable Pointer pointer) {
      if (pointer == null) {
        throw new IllegalStateException("EVP_CIPHER_CTX_new failed");
      }
      this.pointer = pointer;
    }

    @Override
    public void run() {
      Pointer p = pointer;
      pointer = null;
      if (p != null) {
        Binding.EVP_CIPHER_CTX_free(p); // clears the key schedule
      }
    }
  }

  /** One thread's native memory for one call at a time: nonce | AAD | input | output | tag | int. */
  private static final class Scratch {
    private static final int AAD_AT = 16;
    private static final int INPUT_AT = AAD_AT + MAX_AAD_LENGTH;
    private static final int OUTPUT_AT = INPUT_AT + MAX_PLAINTEXT_LENGTH;
    private static final int TAG_AT = OUTPUT_AT + MAX_PLAINTEXT_LENGTH;
    private static final int LENGTH_AT = TAG_AT + TAG_LENGTH;

    // each region is a bounds-checked view: a Java write past its end throws
    private final Memory memory = new Memory(LENGTH_AT + Integer.BYTES);
    final Pointer nonce = memory.share(0, NONCE_LENGTH);
    final Pointer aad = memory.share(AAD_AT, MAX_AAD_LENGTH);
    final Pointer input = memory.share(INPUT_AT, MAX_PLAINTEXT_LENGTH);
    final Pointer output = memory.share(OUTPUT_AT, MAX_PLAINTEXT_LENGTH);
    final Pointer tag = memory.share(TAG_AT, TAG_LENGTH);
    final Pointer length = memory.share(LENGTH_AT, Integer.BYTES);
  }

  /** The libcrypto functions, bound once by direct mapping (C argument order, outputs first). */
  static final class Binding {

    static final int EVP_CTRL_GCM_GET_TAG = 0x10;
    static final int EVP_CTRL_GCM_SET_TAG = 0x11;

    static final @Nullable String UNAVAILABLE_REASON;
    static final boolean AVAILABLE;
    static final @Nullable Pointer AES_256_GCM;

    static {
      String reason = null;
      Pointer cipher = null;
      try {
        Native.register(Binding.class, library());
        cipher = EVP_aes_256_gcm();
        if (cipher == null) {
          reason = "libcrypto has no AES-256-GCM";
        } else if (!knownAnswer(cipher)) {
          reason = "libcrypto's AES-256-GCM failed its known-answer test";
        }
      } catch (LinkageError | RuntimeException e) {
        reason = "libcrypto.so.3 could not be loaded: " + e.getMessage();
      }
      UNAVAILABLE_REASON = reason;
      AVAILABLE = reason == null;
      AES_256_GCM = cipher;
    }

    private Binding() {}

    /**
     * GCM test case 13 (McGrew and Viega): zero key, zero nonce, empty plaintext, tag
     * 530f8afbc74536b9a963b4f1c4cb738b. Proves the binding works before anything relies on it,
     * and loads OpenSSL's provider now rather than during the first message.
     */
    private static boolean knownAnswer(Pointer cipher) {
      byte[] expected = HexFormat.of().parseHex("530f8afbc74536b9a963b4f1c4cb738b");
      Pointer ctx = EVP_CIPHER_CTX_new();
      if (ctx == null) {
        return false;
      }
      try (Memory memory = new Memory(64)) {
        memory.clear();
        Pointer zeros = memory.share(0, 32);
        Pointer length = memory.share(32, Integer.BYTES);
        Pointer tag = memory.share(48, 16);
        return EVP_CipherInit_ex(ctx, cipher, null, zeros, zeros, 1) == 1
            && EVP_CipherFinal_ex(ctx, tag, length) == 1
            && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag) == 1
            && Arrays.equals(tag.getByteArray(0, 16), expected);
      } finally {
        EVP_CIPHER_CTX_free(ctx);
      }
    }

    /** OpenSSL 3's libcrypto by its soname; "crypto" lets JNA search where the soname differs. */
    private static NativeLibrary library() {
      try {
        return NativeLibrary.getInstance("libcrypto.so.3");
      } catch (UnsatisfiedLinkError e) {
        return NativeLibrary.getInstance("crypto");
      }
    }

    /** {@code const EVP_CIPHER *EVP_aes_256_gcm(void)} */
    static native @Nullable Pointer EVP_aes_256_gcm();

    /** {@code EVP_CIPHER_CTX *EVP_CIPHER_CTX_new(void)} */
    static native @Nullable Pointer EVP_CIPHER_CTX_new();

    /** {@code void EVP_CIPHER_CTX_free(EVP_CIPHER_CTX *ctx)}: also clears the key schedule */
    static native void EVP_CIPHER_CTX_free(Pointer ctx);

    /**
     * {@code int EVP_CipherInit_ex(EVP_CIPHER_CTX *ctx, const EVP_CIPHER *type, ENGINE *impl,
     * const unsigned char *key, const unsigned char *iv, int enc)}: NULL arguments keep what the
     * context has; returns 1 on success.
     */
    static native int EVP_CipherInit_ex(
        Pointer ctx,
        @Nullable Pointer type,
        @Nullable Pointer impl,
        @Nullable Pointer key,
        @Nullable Pointer iv,
        int enc);

    /**
     * {@code int EVP_CipherUpdate(EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const
     * unsigned char *in, int inl)}: out NULL feeds AAD; returns 1 on success.
     */
    static native int EVP_CipherUpdate(
        Pointer ctx, @Nullable Pointer out, Pointer outl, Pointer in, int inl);

    /**
     * {@code int EVP_CipherFinal_ex(EVP_CIPHER_CTX *ctx, unsigned char *outm, int *outl)}: for
     * GCM decryption returns 1 only if the tag set before verifies.
     */
    static native int EVP_CipherFinal_ex(Pointer ctx, Pointer outm, Pointer outl);

    /**
     * {@code int EVP_CIPHER_CTX_ctrl(EVP_CIPHER_CTX *ctx, int type, int arg, void *ptr)}: reads
     * (GET_TAG) or sets (SET_TAG) the 16-byte tag.
     */
    static native int EVP_CIPHER_CTX_ctrl(Pointer ctx, int type, int arg, Pointer ptr);
  }
}
