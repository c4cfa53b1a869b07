package ai.ailock.distribution.bench;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.OwnerContentSource;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferProgress;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.it.RandomFile;
import ai.ailock.distribution.it.ServerProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Issue 7's end-to-end benchmark: a 200 MiB file uploaded through the SDK (plaintext hash, Cobblestone-256
 * encryption, chunk hashes, 4 chunks in flight, signed manifest) to the service in its own JVM, and downloaded back
 * as its owner (chunk hashes, decryption, plaintext hash, atomic file), next to raw loopback HTTP of the same file
 * (nginx, or the JDK's server without it) and the tus peer's plain upload, all measured in the same run. MB/s are of
 * the plaintext file (200 MiB = 209.7 MB; MB = 10^6 bytes). Targets: E2EE upload at least 1.5x the tus peer's
 * upload, E2EE download at least 0.5x the raw loopback GET. Run: {@code ./mvnw -q -Pbench verify}
 * (see docs/benchmarks.md); {@code -Dbench.runs=N} sets the measured runs after one warm-up.
 */
public final class EndToEndBench {
  private static final long SIZE = 200L * 1024 * 1024;
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final double UPLOAD_TARGET = 1.5;
  private static final double DOWNLOAD_TARGET = 0.5;

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("ailock-e2e-bench-");
    try {
      run(work);
    } finally {
      try (var paths = Files.walk(work)) { // four products of 200 MiB and more: never left behind
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void run(Path work) throws Exception {
    Path file = RandomFile.write(work.resolve("dataset.bin"), SIZE, 7);
    System.out.printf("%nEnd to end, %s, %d MiB file, %d CPU(s), load average %s (MB = 10^6 bytes)%n",
        LocalDate.now(), SIZE >> 20, Runtime.getRuntime().availableProcessors(), loadAverage());

    List<Double> rawPut = new ArrayList<>();
    List<Double> rawGet = new ArrayList<>();
    String baselineName;
    try (LoopbackBaseline baseline = LoopbackBaseline.start(work, file)) {
      baselineName = baseline.name();
      for (int run = 0; run <= RUNS; run++) { // run 0 warms up
        double put = Rates.mbPerSecond(SIZE, () -> LoopbackBaseline.put(baseline.putUrl(), file));
        double get = Rates.mbPerSecond(SIZE, () -> LoopbackBaseline.get(baseline.getUrl()));
        if (run > 0) {
          rawPut.add(put);
          rawGet.add(get);
        }
      }
    }

    Optional<Double> tus = tusUpload(work, file);

    List<Double> up = new ArrayList<>();
    List<Double> down = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start(work.resolve("data"), 256)) {
      AilockKeys keys = AilockKeys.generate();
      var http = new SignedHttp(server.functions(), keys);
      new HttpIdentities(http).register(keys);
      var keyring = new ProductKeyring(work.resolve("keyring"), keys);
      var options = TransferOptions.defaults();
      for (int run = 0; run <= RUNS; run++) {
        String[] product = new String[1];
        Path state = work.resolve("upload-" + run + ".json");
        var upPhases = new PhaseTimer();
        var downPhases = new PhaseTimer();
        var upCpu = new CpuMeter(server.pid());
        double upload = Rates.mbPerSecond(SIZE, () -> {
          UploadResult result = sdk(() -> new Uploader(new HttpUploadService(http), keys, keyring, options)
              .upload(file, new ProductDraft("Benchmark", "application/octet-stream", null), state,
                  upPhases));
          product[0] = result.productId();
          return result.plaintextLength();
        });
        upCpu.stop();
        var downCpu = new CpuMeter(server.pid());
        double download = Rates.mbPerSecond(SIZE, () -> {
          DownloadResult result = sdk(() -> new Downloader(options).download(
              new OwnerContentSource(http, product[0]),
              new DownloadRequest(product[0], keys.signing().publicKey(),
                  (id, version) -> keyring.inputKey(id, version).orElseThrow(), work.resolve("out"), true),
              downPhases));
          return result.metadata().plaintextLength();
        });
        downCpu.stop();
        System.out.printf("  run %d%s: SDK upload %.0f MB/s (%s; CPU %s), download %.0f MB/s (%s; CPU %s)%n",
            run, run == 0 ? " (warm-up)" : "", upload, upPhases, upCpu, download, downPhases, downCpu);
        if (run > 0) {
          up.add(upload);
          down.add(download);
        }
      }
    }

    double put = Rates.median(rawPut);
    double get = Rates.median(rawGet);
    double upload = Rates.median(up);
    double download = Rates.median(down);
    System.out.printf("%nmedian of %d runs; raw loopback: %s, client HttpURLConnection%n", RUNS, baselineName);
    System.out.printf("| path | MB/s | ratio |%n|---|---:|---:|%n");
    System.out.printf("| raw loopback PUT (stored to disk) | %.0f | |%n", put);
    System.out.printf("| raw loopback GET | %.0f | 1.00 |%n", get);
    if (tus.isPresent()) {
      System.out.printf("| tus peer upload, plain, 4 MiB PATCHes | %.0f | 1.00 |%n", tus.get());
      System.out.printf("| SDK E2EE upload (hash, encrypt, 4 chunks in flight, complete) | %.0f | %.2f x tus |%n",
          upload, upload / tus.get());
    } else {
      System.out.printf("| SDK E2EE upload (hash, encrypt, 4 chunks in flight, complete) | %.0f | %.2f x PUT |%n",
          upload, upload / put);
    }
    System.out.printf("| SDK E2EE download (fetch, verify, decrypt, hash, write) | %.0f | %.2f x GET |%n",
        download, download / get);
    String uploadVerdict = tus.map(t -> verdict(upload >= UPLOAD_TARGET * t)).orElse("not measured (no tus peer)");
    System.out.printf("target: E2EE upload >= %.1f x tus -> %s%n", UPLOAD_TARGET, uploadVerdict);
    System.out.printf("target: E2EE download >= %.1f x raw GET -> %s%n", DOWNLOAD_TARGET,
        verdict(download >= DOWNLOAD_TARGET * get));
    System.out.printf("load average at the end: %s (client, service and peers share the CPUs)%n", loadAverage());
  }

  /** The tus peer's median plain upload of {@code file}, or empty (with a message) where node or npm is missing. */
  private static Optional<Double> tusUpload(Path work, Path file) throws IOException, InterruptedException {
    Optional<String> unavailable = TusPeer.unavailableReason();
    if (unavailable.isPresent()) {
      System.out.println("tus peer SKIPPED: " + unavailable.get());
      return Optional.empty();
    }
    try (TusPeer tus = TusPeer.start(peersDir().resolve("tus"), work)) {
      tus.medianUploadMbPerSecond(file, 1); // warm-up
      return Optional.of(tus.medianUploadMbPerSecond(file, Math.max(RUNS, 3)));
    }
  }

  /**
   * {@code -Dbench.peers=DIR}, else the first {@code shared/peers} folder above the working directory (the checkout
   * sits next to {@code shared/}).
   */
  private static Path peersDir() throws IOException {
    String property = System.getProperty("bench.peers");
    if (property != null) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path peers = dir.resolve("shared/peers");
      if (Files.isDirectory(peers.resolve("tus"))) {
        return peers;
      }
    }
    throw new IOException("no shared/peers/tus above " + Path.of("").toAbsolutePath() + "; set -Dbench.peers");
  }

  /** Milliseconds from each phase's first report to the next phase's, e.g. "HASHING 130 ms, UPLOADING 610 ms". */
  private static final class PhaseTimer implements TransferListener {
    private final Map<TransferProgress.Phase, Long> started = new EnumMap<>(TransferProgress.Phase.class);

    @Override
    public synchronized void onProgress(TransferProgress progress) {
      started.putIfAbsent(progress.phase(), System.nanoTime());
    }

    @Override
    public synchronized String toString() {
      List<Map.Entry<TransferProgress.Phase, Long>> phases = new ArrayList<>(started.entrySet());
      List<String> parts = new ArrayList<>();
      for (int i = 0; i + 1 < phases.size(); i++) {
        parts.add(String.format("%s %d ms", phases.get(i).getKey(),
            (phases.get(i + 1).getValue() - phases.get(i).getValue()) / 1_000_000));
      }
      return String.join(", ", parts);
    }
  }

  /**
   * CPU time used while a transfer ran, by this JVM (the SDK: nothing else runs here then) and by the service's
   * process: what a transfer costs whatever else loads the machine.
   */
  private static final class CpuMeter {
    private final long serverPid;
    private final long clientStart = clientCpuNanos();
    private final long serverStart;
    private long client;
    private long server;

    CpuMeter(long serverPid) {
      this.serverPid = serverPid;
      this.serverStart = serverCpuNanos(serverPid);
    }

    void stop() {
      client = clientCpuNanos() - clientStart;
      server = serverCpuNanos(serverPid) - serverStart;
    }

    @Override
    public String toString() {
      return String.format("SDK %d ms, service %d ms", client / 1_000_000, server / 1_000_000);
    }

    private static long clientCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    /** utime + stime from /proc/PID/stat, in clock ticks of 10 ms (Linux's USER_HZ). */
    private static long serverCpuNanos(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  private interface SdkCall<T> {
    T run() throws Exception;
  }

  private static <T> T sdk(SdkCall<T> call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
