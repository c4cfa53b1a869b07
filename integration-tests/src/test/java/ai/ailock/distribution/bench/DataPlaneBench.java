package ai.ailock.distribution.bench;

import ai.ailock.distribution.it.GeneratedCiphertext;
import ai.ailock.distribution.it.RawUpload;
import ai.ailock.distribution.it.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The foundation's data-plane benchmark: 200 MiB of ciphertext uploaded to and downloaded from the service
 * (4 chunks of 4 MiB in flight, signed requests, SHA-256 checked on both sides, fsynced to the filesystem blob
 * store) against raw loopback HTTP on the same bytes from the same client, measured in the same run; plus the
 * service's peak heap. The download side counts bytes and checks the hash each chunk is announced with; hashing
 * the bodies is the SDK's cost, measured by its own benchmark. Baseline and service take turns within each run, after
 * untimed warm-up rounds; each transfer's CPU time is reported next to its throughput. MB = 10^6 bytes. Run:
 * {@code ./mvnw -q -Pbench verify} (see docs/benchmarks.md).
 */
public final class DataPlaneBench {
  private static final long SIZE = 200L * 1024 * 1024;
  private static final int CHUNK = 4 * 1024 * 1024;
  private static final int RUNS = Integer.getInteger("bench.runs", 5);
  /** Untimed rounds first: the service is a long-running JVM, and its JIT compilers take a few hundred requests. */
  private static final int WARMUP = Integer.getInteger("bench.warmup", 3);

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("ailock-bench-");
    var ciphertext = new GeneratedCiphertext(SIZE, CHUNK, 7);
    Path file = work.resolve("ciphertext.bin");
    ciphertext.writeTo(file);

    List<Measured> basePut = new ArrayList<>();
    List<Measured> baseGet = new ArrayList<>();
    List<Measured> up = new ArrayList<>();
    List<Measured> down = new ArrayList<>();
    String baselineName;
    long peakHeap;
    // Baseline and service take turns within each run, so both see the same load from the machine's other work.
    try (LoopbackBaseline baseline = LoopbackBaseline.start(work, file);
         FileChannel source = FileChannel.open(file);
         ServerProcess server = ServerProcess.start(work.resolve("data"), 256);
         HeapSampler heap = new HeapSampler(server.pid())) {
      baselineName = baseline.name();
      var baselineCpu = new ProcessCpu(work.resolve("nginx"));
      var serviceCpu = new ProcessCpu(work.resolve("data")); // the service's JVM and its PostgreSQL
      var databaseCpu = new ProcessCpu(work.resolve("data").resolve("postgres"));
      var client = new RawUpload(server.functions());
      RawUpload.ChunkSource fromFile = (index, buffer) -> read(source, index, buffer, ciphertext);
      heap.reset();
      for (int run = 1 - WARMUP; run <= RUNS; run++) { // runs below 1 warm up
        Measured put = measure(ciphertext.length(), baselineCpu, null, () -> LoopbackBaseline.put(baseline.putUrl(), file));
        String[] product = new String[1];
        Measured upload = measure(ciphertext.length(), serviceCpu, databaseCpu, () -> {
          product[0] = client.upload(SIZE, ciphertext, fromFile, 4);
          return ciphertext.length();
        });
        Measured get = measure(ciphertext.length(), baselineCpu, null, () -> LoopbackBaseline.get(baseline.getUrl()));
        Measured download = measure(ciphertext.length(), serviceCpu, databaseCpu,
            () -> client.download(product[0], ciphertext, 4, false));
        if (run > 0) {
          basePut.add(put);
          up.add(upload);
          baseGet.add(get);
          down.add(download);
          System.out.printf("run %d: PUT %s, upload %s (%.2f); GET %s, download %s (%.2f); load %s%n", run, put,
              upload, upload.mbPerSecond() / put.mbPerSecond(), get, download,
              download.mbPerSecond() / get.mbPerSecond(), loadAverage());
        }
      }
      peakHeap = heap.peakBytes();
    } finally {
      deleteTree(work); // the file, nginx's copy and the service's data: over a gigabyte per run
    }

    double upMedian = median(up, Measured::mbPerSecond);
    double downMedian = median(down, Measured::mbPerSecond);
    double upRatio = Rates.median(ratios(up, basePut));
    double downRatio = Rates.median(ratios(down, baseGet));
    System.out.printf("%nData plane, %s, %d MiB ciphertext, median of %d runs (MB = 10^6 bytes)%n",
        LocalDate.now(), SIZE / (1024 * 1024), RUNS);
    System.out.printf("baseline: %s, same file, same client transport (HttpURLConnection)%n", baselineName);
    System.out.printf("MB/s: medians; ratio: median of the runs' own ratios%n");
    System.out.printf("| path | MB/s | ratio to baseline |%n|---|---:|---:|%n");
    System.out.printf("| raw loopback PUT (stored to disk) | %.0f | 1.00 |%n", median(basePut, Measured::mbPerSecond));
    System.out.printf("| service upload, 4 x 4 MiB chunks in flight | %.0f | %.2f |%n", upMedian, upRatio);
    System.out.printf("| raw loopback GET | %.0f | 1.00 |%n", median(baseGet, Measured::mbPerSecond));
    System.out.printf("| service download, 4 chunks in flight | %.0f | %.2f |%n", downMedian, downRatio);
    System.out.printf("CPU per 200 MiB (median ms; server side = nginx, or the service's JVM + PostgreSQL):%n");
    System.out.printf("| path | server side | of which PostgreSQL | client |%n|---|---:|---:|---:|%n");
    printCpu("raw loopback PUT", basePut);
    printCpu("service upload", up);
    printCpu("raw loopback GET", baseGet);
    printCpu("service download", down);
    System.out.printf("service peak heap in use (jstat, -Xmx256m): %.0f MiB%n", peakHeap / 1048576.0);
    System.out.printf("targets: upload and download >= 0.50 of baseline, heap < 256 MiB -> %s%n",
        upRatio >= 0.5 && downRatio >= 0.5 && peakHeap < 256L << 20 ? "met" : "NOT met");
  }

  private static int read(FileChannel source, int index, byte[] buffer, GeneratedCiphertext ciphertext) {
    long offset = (long) index * ciphertext.chunkSize();
    int length = (int) Math.min(ciphertext.chunkSize(), ciphertext.length() - offset);
    ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
    try {
      while (target.hasRemaining()) {
        if (source.read(target, offset + target.position()) < 0) {
          throw new IOException("short file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return length;
  }

  /** One transfer: its throughput and the CPU it cost the server side and this client. */
  private record Measured(double mbPerSecond, long serverCpuMillis, long databaseCpuMillis, long clientCpuMillis) {
    @Override
    public String toString() {
      return String.format("%.0f MB/s (CPU ms: server %d, of which PostgreSQL %d; client %d)", mbPerSecond,
          serverCpuMillis, databaseCpuMillis, clientCpuMillis);
    }
  }

  /** @param database the part of the server side that is its database, if any */
  private static Measured measure(long expectedBytes, ProcessCpu serverSide, @Nullable ProcessCpu database,
      LongSupplier transfer) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long serverBefore = serverSide.millis();
    long databaseBefore = database == null ? 0 : database.millis();
    long clientBefore = os.getProcessCpuTime();
    long started = System.nanoTime();
    long bytes = transfer.getAsLong();
    double seconds = (System.nanoTime() - started) / 1e9;
    long clientMillis = (os.getProcessCpuTime() - clientBefore) / 1_000_000;
    long serverMillis = serverSide.millis() - serverBefore;
    long databaseMillis = database == null ? 0 : database.millis() - databaseBefore;
    if (bytes != expectedBytes) {
      throw new IllegalStateException("moved " + bytes + " bytes, expected " + expectedBytes);
    }
    return new Measured(bytes / seconds / 1e6, serverMillis, databaseMillis, clientMillis);
  }

  private static void printCpu(String path, List<Measured> runs) {
    System.out.printf("| %s | %.0f | %.0f | %.0f |%n", path, median(runs, m -> (double) m.serverCpuMillis()),
        median(runs, m -> (double) m.databaseCpuMillis()), median(runs, m -> (double) m.clientCpuMillis()));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** @return each run's service throughput over that same run's baseline */
  private static List<Double> ratios(List<Measured> service, List<Measured> baseline) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < service.size(); i++) {
      ratios.add(service.get(i).mbPerSecond() / baseline.get(i).mbPerSecond());
    }
    return ratios;
  }

  private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> figure) {
    return Rates.median(values.stream().map(figure::applyAsDouble).collect(java.util.stream.Collectors.toList()));
  }

}
