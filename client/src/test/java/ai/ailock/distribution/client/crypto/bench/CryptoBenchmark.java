package ai.ailock.distribution.client.crypto.bench;

import ai.ailock.distribution.client.crypto.BenchSupport;
import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneDecryptor;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.crypto.Ed25519;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-threaded throughput of the SDK's content encryption, run by the {@code bench} profile
 * ({@code ./mvnw -q -pl client -Pbench verify}) pinned to one CPU. For 200 MiB it prints, in one
 * run:
 *
 * <ul>
 *   <li>Cobblestone-256 encrypt and decrypt with the SDK's record function (OpenSSL where
 *       libcrypto 3 loads), each in a fresh JVM (child process, same CPU): the first pass (cold)
 *       and the median of the warm passes, and the same with the libsodium and the JCA record
 *       functions forced, for comparison;
 *   <li>JCA AES-256-GCM on 64 KiB slices (the baseline) and on 16 KiB slices, OpenSSL's and
 *       libsodium's AES-256-GCM raw on 16 KiB records in native memory, and {@code openssl speed
 *       -evp aes-256-gcm} at 16384 bytes;
 *   <li>whether the targets are met: at least 1.5 GB/s per core warm in both directions, and a
 *       cold first 200 MiB taking at most twice the warm time.
 * </ul>
 *
 * MB = 10^6 bytes.
 */
public final class CryptoBenchmark {

  private static final int MIB = 1024 * 1024;
  private static final int SIZE = 200 * MIB;
  private static final int TRANSPORT_CHUNK = 4 * MIB;
  private static final int WARM_UP_PASSES = 3;
  private static final int WARM_PASSES = 7;
  private static final double WARM_TARGET_MB_PER_S = 1500;
  private static final double COLD_TARGET_TIME_RATIO = 2.0;
  private static final String CHILD = "--cobblestone-pass";
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final byte[] key;
  private final CobblestoneContext context = CobblestoneContext.content("bench", "1");
  /** As large as the message: both directions stream their input from memory, not from the CPU cache. */
  private final byte[] pattern = new byte[SIZE];
  private final byte[] sink = new byte[TRANSPORT_CHUNK];

  private CryptoBenchmark(byte[] key) {
    this.key = key;
    new Random(1).nextBytes(pattern);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(CHILD)) {
      Child.run(args);
    } else {
      new CryptoBenchmark(CobblestoneEncryptor.generateKey()).run();
    }
  }

  private void run() throws Exception {
    System.out.printf(
        "Crypto benchmark %s: %d MiB, Java %s, %s, %d CPU(s) visible, load average %s,"
            + " MB = 10^6 B%n",
        LocalDate.now(), SIZE / MIB, System.getProperty("java.version"), cpuModel(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    Path ciphertextFile = Files.createTempFile("ailock-bench-", ".cbl");
    try {
      writeCiphertext(ciphertextFile);
      ChildResult sdkEncrypt = Child.start("encrypt", key, ciphertextFile, "");
      ChildResult sdkDecrypt = Child.start("decrypt", key, ciphertextFile, "");
      ChildResult sodiumEncrypt = Child.start("encrypt", key, ciphertextFile, "libsodium");
      ChildResult sodiumDecrypt = Child.start("decrypt", key, ciphertextFile, "libsodium");
      ChildResult jcaEncrypt = Child.start("encrypt", key, ciphertextFile, "jca");
      ChildResult jcaDecrypt = Child.start("decrypt", key, ciphertextFile, "jca");
      report(sdkEncrypt, sdkDecrypt, sodiumEncrypt, sodiumDecrypt, jcaEncrypt, jcaDecrypt);
    } finally {
      Files.deleteIfExists(ciphertextFile);
    }
  }

  private void report(
      ChildResult sdkEncrypt, ChildResult sdkDecrypt, ChildResult sodiumEncrypt,
      ChildResult sodiumDecrypt, ChildResult jcaEncrypt, ChildResult jcaDecrypt)
      throws Exception {
    double[] jca64 = jcaBaseline(64 * 1024);
    double jca64Encrypt = jca64[0];
    double jca64Decrypt = jca64[1];
    double[] jca16 = jcaBaseline(16 * 1024);
    double opensslEncrypt = Double.NaN;
    double opensslDecrypt = Double.NaN;
    if (BenchSupport.opensslAvailable()) {
      BenchSupport.RawOpenssl raw = new BenchSupport.RawOpenssl(key);
      opensslEncrypt = median(() -> raw.sealRecords(SIZE / (16 * 1024)));
      opensslDecrypt = median(() -> raw.openRecords(SIZE / (16 * 1024)));
    }
    double rawEncrypt = Double.NaN;
    double rawDecrypt = Double.NaN;
    if (BenchSupport.libsodiumAvailable()) {
      BenchSupport.RawLibsodium raw = new BenchSupport.RawLibsodium(key);
      rawEncrypt = median(() -> raw.sealRecords(SIZE / (16 * 1024)));
      rawDecrypt = median(() -> raw.openRecords(SIZE / (16 * 1024)));
    }
    double openssl = OpensslSpeed.parse16k(OpensslSpeed.aes256Gcm16k());

    System.out.printf("%-48s %8s %10s %10s %10s %8s%n",
        "", "init ms", "cold MB/s", "warm MB/s", "cold/warm", "vs JCA");
    String sdk = sdkEncrypt.recordFunction;
    cobblestoneRow("Cobblestone-256 encrypt, " + sdk + " (SDK)", sdkEncrypt, jca64Encrypt);
    cobblestoneRow("Cobblestone-256 decrypt, " + sdk + " (SDK)", sdkDecrypt, jca64Decrypt);
    cobblestoneRow("Cobblestone-256 encrypt, " + sodiumEncrypt.recordFunction + " forced",
        sodiumEncrypt, jca64Encrypt);
    cobblestoneRow("Cobblestone-256 decrypt, " + sodiumDecrypt.recordFunction + " forced",
        sodiumDecrypt, jca64Decrypt);
    cobblestoneRow("Cobblestone-256 encrypt, JCA forced", jcaEncrypt, jca64Encrypt);
    cobblestoneRow("Cobblestone-256 decrypt, JCA forced", jcaDecrypt, jca64Decrypt);
    row("JCA AES-256-GCM encrypt, 64 KiB slices", jca64Encrypt, jca64Encrypt);
    row("JCA AES-256-GCM decrypt, 64 KiB slices", jca64Decrypt, jca64Decrypt);
    row("JCA AES-256-GCM encrypt, 16 KiB slices", jca16[0], jca64Encrypt);
    row("JCA AES-256-GCM decrypt, 16 KiB slices", jca16[1], jca64Decrypt);
    row("OpenSSL AES-256-GCM raw encrypt, 16 KiB (JNA)", opensslEncrypt, jca64Encrypt);
    row("OpenSSL AES-256-GCM raw decrypt, 16 KiB (JNA)", opensslDecrypt, jca64Decrypt);
    row("libsodium AES-256-GCM raw encrypt, 16 KiB", rawEncrypt, jca64Encrypt);
    row("libsodium AES-256-GCM raw decrypt, 16 KiB", rawDecrypt, jca64Decrypt);
    row("openssl speed -evp aes-256-gcm, 16384 B", openssl, jca64Encrypt);
    System.out.printf(
        "cold = the first 200 MiB pass in a fresh JVM (its own child process, same CPU), after the"
            + " SDK's one-time init (init ms: loading its Ed25519 key, which loads libsodium, and"
            + " choosing the record function, which loads it)%n"
            + "warm = median of %d passes after %d untimed ones; MB/s per CPU-second of the measuring thread; cold/warm = cold time / warm"
            + " time; vs JCA = warm / JCA 64 KiB slices of the same direction"
            + " (openssl only encrypts)%n",
        WARM_PASSES, WARM_UP_PASSES);

    double slowerWarm = Math.min(sdkEncrypt.warm, sdkDecrypt.warm);
    System.out.printf(
        "Target, warm >= %.0f MB/s per core both ways (%s record function): encrypt %.0f,"
            + " decrypt %.0f: %s%n",
        WARM_TARGET_MB_PER_S, sdk, sdkEncrypt.warm, sdkDecrypt.warm,
        verdict(slowerWarm >= WARM_TARGET_MB_PER_S));
    double worseCold = Math.max(sdkEncrypt.coldTimeRatio(), sdkDecrypt.coldTimeRatio());
    System.out.printf(
        "Target, cold first 200 MiB <= %.0fx the warm time: encrypt %.2fx, decrypt %.2fx: %s%n",
        COLD_TARGET_TIME_RATIO, sdkEncrypt.coldTimeRatio(), sdkDecrypt.coldTimeRatio(),
        verdict(worseCold <= COLD_TARGET_TIME_RATIO));
    System.out.printf("Load average at the end: %s (CPU-time figures hold under load within about 10%%:"
        + " other processes still share the caches and the memory bandwidth)%n",
        loadAverage());
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  private static void cobblestoneRow(String name, ChildResult result, double baseline) {
    System.out.printf("%-48s %8.0f %10.0f %10.0f %9.2fx %7.2fx%n", name, result.initMillis,
        result.cold, result.warm, result.coldTimeRatio(), result.warm / baseline);
  }

  private static void row(String name, double warm, double baseline) {
    System.out.printf("%-48s %8s %10s %10s %10s %8s%n", name, "-", "-",
        Double.isNaN(warm) ? "n/a" : String.format("%.0f", warm), "-",
        Double.isNaN(warm) ? "n/a" : String.format("%.2fx", warm / baseline));
  }

  /** The uploader's view: 4 MiB transport chunks, each sent (here: dropped) before the next. */
  private void encryptOnce() throws IOException {
    try (InputStream in = CobblestoneEncryptor.encrypting(key, context, new PatternStream())) {
      while (in.readNBytes(sink, 0, sink.length) > 0) {
        // the next chunk overwrites this one
      }
    }
  }

  /** The input of the decrypting children. */
  private void writeCiphertext(Path file) throws IOException {
    byte[] ciphertext = new byte[(int) CobblestoneEncryptor.ciphertextLength(SIZE)];
    try (InputStream in = CobblestoneEncryptor.encrypting(key, context, new PatternStream())) {
      in.readNBytes(ciphertext, 0, ciphertext.length);
    }
    Files.write(file, ciphertext);
  }

  /** @return warm MB/s of JCA AES-256-GCM on slices of this size: encrypt, decrypt */
  private double[] jcaBaseline(int slice) throws Exception {
    JcaBaseline baseline = new JcaBaseline(slice);
    return new double[] {median(baseline::encrypt), median(baseline::decrypt)};
  }

  /** The downloader's view: plaintext read in 4 MiB slices. */
  private void decryptOnce(byte[] ciphertext) throws Exception {
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
  private static double median(Pass pass) throws Exception {
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

  /**
   * MB per second of this thread's CPU time (user and system), like {@code openssl speed}'s default: every pass
   * runs on the calling thread, so other processes competing for the pinned CPU do not count, and the JIT's
   * compiler threads do not either (their work shows as the interpreted, slower start of the cold pass).
   */
  private static double mbPerSecond(Pass pass) throws Exception {
    long start = CPU.getCurrentThreadCpuTime();
    pass.run();
    return SIZE / ((CPU.getCurrentThreadCpuTime() - start) / 1e9) / 1e6;
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

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private interface Pass {
    void run() throws Exception;
  }

  /** One direction of Cobblestone-256 measured in a fresh JVM. */
  private record ChildResult(String recordFunction, double initMillis, double cold, double warm) {
    /** The cold pass's time over the warm pass's time. */
    double coldTimeRatio() {
      return warm / cold;
    }
  }

  /**
   * A fresh JVM (same java, class path, heap and CPU) that initialises the SDK, times its first
   * 200 MiB pass, then the warm passes, and prints one line: {@code RESULT recordFunction
   * initMillis coldMBps warmMBps}.
   */
  private static final class Child {

    /** @param recordFunction a value of the implementation property, or "" for the default */
    static ChildResult start(String direction, byte[] key, Path ciphertext, String recordFunction)
        throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xms1g");
      command.add("-Xmx1g");
      if (!recordFunction.isEmpty()) {
        command.add("-D" + BenchSupport.implementationProperty() + "=" + recordFunction);
      }
      command.addAll(List.of("-classpath", System.getProperty("java.class.path"),
          CryptoBenchmark.class.getName(), CHILD, direction, HexFormat.of().formatHex(key),
          ciphertext.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("benchmark child failed:\n" + output);
      }
      String result = output.lines().filter(line -> line.startsWith("RESULT ")).reduce(
          (first, second) -> second).orElseThrow(
              () -> new IllegalStateException("no RESULT from the benchmark child:\n" + output));
      String[] fields = result.split(" ");
      return new ChildResult(fields[1], Double.parseDouble(fields[2]),
          Double.parseDouble(fields[3]), Double.parseDouble(fields[4]));
    }

    static void run(String[] args) throws Exception {
      String direction = args[1];
      CryptoBenchmark bench = new CryptoBenchmark(HexFormat.of().parseHex(args[2]));
      long start = System.nanoTime();
      Ed25519.keyPairFromSeed(new byte[Ed25519.SEED_LENGTH]); // as the SDK does on start-up
      String recordFunction = BenchSupport.recordFunction(); // loads it (libcrypto: ~10 ms)
      double initMillis = (System.nanoTime() - start) / 1e6;
      double cold;
      double warm;
      if (direction.equals("encrypt")) {
        cold = mbPerSecond(bench::encryptOnce);
        warm = median(bench::encryptOnce);
      } else {
        byte[] ciphertext = Files.readAllBytes(Path.of(args[3])); // untimed
        cold = mbPerSecond(() -> bench.decryptOnce(ciphertext));
        warm = median(() -> bench.decryptOnce(ciphertext));
      }
      System.out.printf("RESULT %s %.1f %.1f %.1f%n", recordFunction, initMillis,
          cold, warm);
    }
  }

  /** 200 MiB of random plaintext served from memory (the decrypting side reads its ciphertext the same way). */
  private final class PatternStream extends InputStream {
    private long position;

    @Override
    public int read() {
      return position < SIZE ? pattern[(int) (position++ % pattern.length)] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= SIZE) {
        return -1;
      }
      int at = (int) (position % pattern.length);
      int n = (int) Math.min(Math.min(len, pattern.length - at), SIZE - position);
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
