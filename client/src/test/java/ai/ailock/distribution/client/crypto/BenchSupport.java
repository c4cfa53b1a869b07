package ai.ailock.distribution.client.crypto;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * What {@code crypto.bench.CryptoBenchmark} needs from inside the package: which record function
 * the SDK uses, the property that chooses it, and OpenSSL's and libsodium's AES-256-GCM measured
 * raw (16 KiB records in native memory, no copies) as references. Test code only.
 */
public final class BenchSupport {

  private BenchSupport() {}

  /** @return "openssl", "libsodium" or "jca": the record function new Cobblestone streams use */
  public static String recordFunction() {
    return AesGcm.Implementation.current().propertyValue();
  }

  /** @return whether OpenSSL's AES-256-GCM can run on this machine */
  public static boolean opensslAvailable() {
    return AesGcm.Implementation.OPENSSL.isAvailable();
  }

  /** @return whether libsodium's AES-256-GCM can run on this machine */
  public static boolean libsodiumAvailable() {
    return AesGcm.Implementation.LIBSODIUM.isAvailable();
  }

  /**
   * @return the system property that chooses the record function ({@code openssl},
   *     {@code libsodium}, {@code jca})
   */
  public static String implementationProperty() {
    return AesGcm.IMPLEMENTATION_PROPERTY;
  }

  /** libsodium's AES-256-GCM on 16 KiB records held in native memory: no copies. */
  public static final class RawLibsodium {
    private static final int RECORD = AesGcm.MAX_PLAINTEXT_LENGTH;
    private static final int SEALED = RECORD + AesGcm.TAG_LENGTH;

    private final Memory memory = new Memory(64 + 3L * SEALED);
    private final Pointer key = memory.share(0, AesGcm.KEY_LENGTH);
    private final Pointer nonce = memory.share(32, AesGcm.NONCE_LENGTH);
    private final Pointer plaintext = memory.share(64, RECORD);
    private final Pointer sealed = memory.share(64 + SEALED, SEALED);
    private final Pointer opened = memory.share(64 + 2L * SEALED, RECORD);

    /** @throws IllegalStateException unless libsodium's AES-256-GCM is available */
    public RawLibsodium(byte[] keyBytes) {
      if (!SodiumAesGcm.Binding.AVAILABLE) {
        throw new IllegalStateException("libsodium AES-256-GCM is not available here");
      }
      memory.clear();
      key.write(0, keyBytes, 0, AesGcm.KEY_LENGTH);
      seal(0);
    }

    /** Seals {@code records} records of 16 KiB under distinct nonces. */
    public void sealRecords(int records) {
      for (int i = 0; i < records; i++) {
        seal(i);
      }
    }

    /** Opens the last sealed record {@code records} times. */
    public void openRecords(int records) {
      for (int i = 0; i < records; i++) {
        int result =
            SodiumAesGcm.Binding.crypto_aead_aes256gcm_decrypt(
                opened, null, null, sealed, SEALED, key, 0, nonce, key);
        if (result != 0) {
          throw new IllegalStateException("raw libsodium open failed");
        }
      }
    }

    private void seal(int index) {
      nonce.setInt(8, index);
      int result =
          SodiumAesGcm.Binding.crypto_aead_aes256gcm_encrypt(
              sealed, null, plaintext, RECORD, key, 0, null, nonce, key);
      if (result != 0) {
        throw new IllegalStateException("raw libsodium seal failed");
      }
    }
  }

  /** OpenSSL's AES-256-GCM through the SDK's binding on 16 KiB records in native memory: no copies. */
  public static final class RawOpenssl {
    private static final int RECORD = AesGcm.MAX_PLAINTEXT_LENGTH;

    private final Pointer ctx = OpensslAesGcm.Binding.EVP_CIPHER_CTX_new();
    private final Memory memory = new Memory(64 + 3L * RECORD);
    private final Pointer nonce = memory.share(0, AesGcm.NONCE_LENGTH);
    private final Pointer length = memory.share(16, Integer.BYTES);
    private final Pointer tag = memory.share(32, AesGcm.TAG_LENGTH);
    private final Pointer plaintext = memory.share(64, RECORD);
    private final Pointer sealed = memory.share(64 + RECORD, RECORD);
    private final Pointer opened = memory.share(64 + 2L * RECORD, RECORD);

    /** @throws IllegalStateException unless libcrypto 3 loaded (the context is never freed) */
    public RawOpenssl(byte[] keyBytes) {
      if (!OpensslAesGcm.isAvailable()) {
        throw new IllegalStateException("OpenSSL AES-256-GCM is not available here");
      }
      memory.clear();
      Memory key = new Memory(AesGcm.KEY_LENGTH);
      key.write(0, keyBytes, 0, AesGcm.KEY_LENGTH);
      OpensslAesGcm.Binding.EVP_CipherInit_ex(
          ctx, OpensslAesGcm.Binding.AES_256_GCM, null, key, null, 1);
      seal(0);
    }

    /** Seals {@code records} records of 16 KiB under distinct nonces. */
    public void sealRecords(int records) {
      for (int i = 0; i < records; i++) {
        seal(i);
      }
    }

    /** Opens the last sealed record {@code records} times (its tag verified each time). */
    public void openRecords(int records) {
      for (int i = 0; i < records; i++) {
        if (call(0, opened, sealed) != 1) {
          throw new IllegalStateException("raw OpenSSL open failed");
        }
      }
    }

    private void seal(int index) {
      nonce.setInt(8, index);
      if (call(1, sealed, plaintext) != 1) {
        throw new IllegalStateException("raw OpenSSL seal failed");
      }
    }

    /** The four calls a record costs: nonce, (tag,) update, final (, tag). */
    private int call(int encrypt, Pointer out, Pointer in) {
      OpensslAesGcm.Binding.EVP_CipherInit_ex(ctx, null, null, null, nonce, encrypt);
      if (encrypt == 0) {
        OpensslAesGcm.Binding.EVP_CIPHER_CTX_ctrl(
            ctx, OpensslAesGcm.Binding.EVP_CTRL_GCM_SET_TAG, AesGcm.TAG_LENGTH, tag);
      }
      OpensslAesGcm.Binding.EVP_CipherUpdate(ctx, out, length, in, RECORD);
      int result = OpensslAesGcm.Binding.EVP_CipherFinal_ex(ctx, out.share(RECORD), length);
      if (encrypt == 1) {
        OpensslAesGcm.Binding.EVP_CIPHER_CTX_ctrl(
            ctx, OpensslAesGcm.Binding.EVP_CTRL_GCM_GET_TAG, AesGcm.TAG_LENGTH, tag);
      }
      return result;
    }
  }
}
