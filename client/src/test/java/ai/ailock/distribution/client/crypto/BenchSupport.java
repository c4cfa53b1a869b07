package ai.ailock.distribution.client.crypto;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * What {@code crypto.bench.CryptoBenchmark} needs from inside the package: which record function
 * the SDK uses, the property that forces JCA, and libsodium's AES-256-GCM measured raw (16 KiB
 * records in native memory, no copies) as a reference. Test code only.
 */
public final class BenchSupport {

  private BenchSupport() {}

  /** @return "libsodium" or "JCA": the record function new Cobblestone streams use */
  public static String recordFunction() {
    return AesGcm.Implementation.current() == AesGcm.Implementation.LIBSODIUM
        ? "libsodium"
        : "JCA";
  }

  /** @return whether libsodium's AES-256-GCM can run on this machine */
  public static boolean libsodiumAvailable() {
    return AesGcm.Implementation.LIBSODIUM.isAvailable();
  }

  /** @return the system property that, set to {@code jca}, forces the JCA record function */
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
}
