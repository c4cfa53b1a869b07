package ai.ailock.distribution.client.crypto.bench;

import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneDecryptor;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-threaded throughput of the SDK's content encryption, run by the {@code bench} profile
 * ({@code ./mvnw -q -pl client -Pbench verify}) pinned to one CPU. Prints, for 200 MiB:
 * Cobblestone-256 encrypt and decrypt (cold first pass, then the warm median), JCA AES-256-GCM on
 * 64 KiB slices as the baseline (and on 16 KiB slices, the record size, for reference), and
 * {@code openssl speed -evp aes-256-gcm} at 16384 bytes. MB = 10^6 bytes.
 */
public final class CryptoBenchmark {

  private static final int MIB = 1024 * 1024;
  private static final int SIZE = 200 * MIB;
  private static final int TRANSPORT_CHUNK = 4 * MIB;
  private static final int WARM_UP_PASSES = 3;
  private static final int WARM_PASSES = 7;

  private final byte[] key = CobblestoneEncryptor.generateKey();
  private final CobblestoneContext context = CobblestoneContext.content("bench", "1");
  private final byte[] pattern = new byte[MIB];
  private final byte[] ciphertext = new byte[(int) CobblestoneEncryptor.ciphertextLength(SIZE)];
  private final byte[] sink = new byte[TRANSPORT_CHUNK];

  private CryptoBenchmark() {
    new Random(1).nextBytes(pattern);
  }

  public static void main(String[] args) throws Exception {
    new CryptoBenchmark().run();
  }

  private void run() throws Exception {
    System.out.printf(
        "Crypto benchmark: %d MiB, Java %s, %s, %d CPU(s) visible, MB = 10^6 B%n",
        SIZE / MIB, System.getProperty("java.version"), cpuModel(),
        Runtime.getRuntime().availableProcessors());
    double coldEncrypt = mbPerSecond(this::encryptOnce);
    encryptInto(ciphertext); // untimed: the input of the decrypt passes
    double coldDecrypt = mbPerSecond(this::decryptOnce);
    double warmEncrypt = median(this::encryptOnce);
    double warmDecrypt = median(this::decryptOnce);
    JcaBaseline baseline = new JcaBaseline(64 * 1024);
    double jcaEncrypt = median(baseline::encrypt);
    double jcaDecrypt = median(baseline::decrypt);
    JcaBaseline sameRecords = new JcaBaseline(16 * 1024);
    double jca16kEncrypt = median(sameRecords::encrypt);
    double jca16kDecrypt = median(sameRecords::decrypt);
    String openssl = OpensslSpeed.aes256Gcm16k();

    System.out.printf("%-44s %10s %10s %10s%n", "", "cold MB/s", "warm MB/s", "vs JCA");
    row("Cobblestone-256 encrypt (16 KiB records)", coldEncrypt, warmEncrypt, jcaEncrypt);
    row("Cobblestone-256 decrypt (16 KiB records)", coldDecrypt, warmDecrypt, jcaDecrypt);
    row("JCA AES-256-GCM encrypt, 64 KiB slices", Double.NaN, jcaEncrypt, jcaEncrypt);
    row("JCA AES-256-GCM decrypt, 64 KiB slices", Double.NaN, jcaDecrypt, jcaDecrypt);
    row("JCA AES-256-GCM encrypt, 16 KiB slices", Double.NaN, jca16kEncrypt, jcaEncrypt);
    row("JCA AES-256-GCM decrypt, 16 KiB slices", Double.NaN, jca16kDecrypt, jcaDecrypt);
    double opensslMb = OpensslSpeed.parse16k(openssl);
    row("openssl speed -evp aes-256-gcm, 16384 B", Double.NaN, opensslMb, jcaEncrypt);
    System.out.printf(
        "cold = first pass in a fresh JVM, the JIT compiling on the same CPU (decrypt's first pass"
            + " follows the encryption passes)%nwarm = median of %d passes after %d untimed ones;"
            + " openssl only encrypts: its ratio is against JCA encrypt%n",
        WARM_PASSES, WARM_UP_PASSES);
  }

  private static void row(String name, double cold, double warm, double baseline) {
    System.out.printf("%-44s %10s %10s %9sx%n", name, format(cold), format(warm),
        Double.isNaN(warm) ? "n/a" : String.format("%.2f", warm / baseline));
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.0f", value);
  }

  /** The uploader's view: 4 MiB transport chunks, each sent (here: dropped) before the next. */
  private void encryptOnce() throws IOException {
    try (InputStream in = CobblestoneEncryptor.encrypting(key, context, new PatternStream())) {
      while (in.readNBytes(sink, 0, sink.length) > 0) {
        // the next chunk overwrites this one
      }
    }
  }

  private void encryptInto(byte[] out) throws IOException {
    try (InputStream in = CobblestoneEncryptor.encrypting(key, context, new PatternStream())) {
      in.readNBytes(out, 0, out.length);
    }
  }

  private void decryptOnce() throws Exception {
    long total = 0;
    try (InputStream in =
        CobblestoneDecryptor.decrypting(key, context, new ByteArrayInputStream(ciphertext))) {
      for (int n; (n = in.readNBytes(sink, 0, sink.length)) > 0; ) {
        total += n;
      }
    }
    if (total != SIZE) {
      throw new IllegalStateException("decrypted " + total + " bytes");
    }
  }

  /** Median MB/s of the measured passes that follow the untimed warm-up passes. */
  private double median(Pass pass) throws Exception {
    for (int i = 0; i < WARM_UP_PASSES; i++) {
      pass.run();
    }
    double[] results = new double[WARM_PASSES];
    for (int i = 0; i < WARM_PASSES; i++) {
      results[i] = mbPerSecond(pass);
    }
    Arrays.sort(results);
    return results[WARM_PASSES / 2];
  }

  private static double mbPerSecond(Pass pass) throws Exception {
    long start = System.nanoTime();
    pass.run();
    return SIZE / ((System.nanoTime() - start) / 1e9) / 1e6;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }

  private interface Pass {
    void run() throws Exception;
  }

  /** 200 MiB of plaintext copied from a 1 MiB random pattern: costs a memcpy, no more. */
  private final class PatternStream extends InputStream {
    private long position;

    @Override
    public int read() {
      return position < SIZE ? pattern[(int) (position++ % MIB)] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= SIZE) {
        return -1;
      }
      int at = (int) (position % MIB);
      int n = (int) Math.min(Math.min(len, MIB - at), SIZE - position);
      System.arraycopy(pattern, at, b, off, n);
      position += n;
      return n;
    }
  }

  /**
   * AES-256-GCM straight on JCA: one init and doFinal per slice with a fresh nonce,
   * encrypting into a reused buffer and decrypting slices sealed beforehand.
   */
  private final class JcaBaseline {
    private final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    private final SecretKeySpec spec = new SecretKeySpec(key, "AES");
    private final int slice;
    private final byte[] sealed;
    private final byte[] out;
    private final byte[] nonce = new byte[12];
    private final byte[] plain;
    private int generation;

    JcaBaseline(int slice) throws Exception {
      this.slice = slice;
      this.sealed = new byte[SIZE / slice * (slice + 16)];
      this.out = new byte[slice + 16];
      this.plain = new byte[slice];
      for (int i = 0; i < SIZE / slice; i++) { // untimed: the input of the decrypt passes
        seal(i, sealed, i * (slice + 16));
      }
    }

    void encrypt() throws Exception {
      generation++; // GCM refuses to encrypt twice under one key and nonce
      for (int i = 0; i < SIZE / slice; i++) {
        seal(i, out, 0);
      }
    }

    void decrypt() throws Exception {
      for (int i = 0; i < SIZE / slice; i++) {
        cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce(0, i)));
        cipher.doFinal(sealed, i * (slice + 16), slice + 16, plain, 0);
      }
    }

    private void seal(int index, byte[] to, int offset) throws Exception {
      System.arraycopy(pattern, (index * slice) % MIB, plain, 0, slice);
      cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce(generation, index)));
      cipher.doFinal(plain, 0, slice, to, offset);
    }

    private byte[] nonce(int pass, int index) {
      nonce[0] = (byte) pass;
      nonce[8] = (byte) (index >>> 24);
      nonce[9] = (byte) (index >>> 16);
      nonce[10] = (byte) (index >>> 8);
      nonce[11] = (byte) index;
      return nonce;
    }
  }
}
