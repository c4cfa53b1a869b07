package ai.ailock.distribution.bench;

import ai.ailock.distribution.it.GeneratedCiphertext;
import ai.ailock.distribution.it.RawUpload;
import ai.ailock.distribution.it.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The foundation's data-plane benchmark: 200 MiB of ciphertext uploaded to and downloaded from the service
 * (4 chunks of 4 MiB in flight, signed requests, SHA-256 checked on both sides, fsynced to the filesystem blob
 * store) against raw loopback HTTP on the same bytes from the same client, measured in the same run; plus the
 * service's peak heap. The download side counts bytes and checks the hash each chunk is announced with; hashing
 * the bodies is the SDK's cost, measured by its own benchmark. MB = 10^6 bytes. Run: {@code ./mvnw -q -Pbench verify} (see docs/benchmarks.md).
 */
public final class DataPlaneBench {
  private static final long SIZE = 200L * 1024 * 1024;
  private static final int CHUNK = 4 * 1024 * 1024;
  private static final int RUNS = Integer.getInteger("bench.runs", 5);

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("ailock-bench-");
    var ciphertext = new GeneratedCiphertext(SIZE, CHUNK, 7);
    Path file = work.resolve("ciphertext.bin");
    ciphertext.writeTo(file);

    List<Double> basePut = new ArrayList<>();
    List<Double> baseGet = new ArrayList<>();
    String baselineName;
    try (LoopbackBaseline baseline = LoopbackBaseline.start(work, file)) {
      baselineName = baseline.name();
      for (int run = 0; run < RUNS + 1; run++) { // first run warms up
        double put = Rates.mbPerSecond(ciphertext.length(), () -> LoopbackBaseline.put(baseline.putUrl(), file));
        double get = Rates.mbPerSecond(ciphertext.length(), () -> LoopbackBaseline.get(baseline.getUrl()));
        if (run > 0) {
          basePut.add(put);
          baseGet.add(get);
        }
      }
    }

    List<Double> up = new ArrayList<>();
    List<Double> down = new ArrayList<>();
    long peakHeap;
    try (FileChannel source = FileChannel.open(file);
         ServerProcess server = ServerProcess.start(work.resolve("data"), 256);
         HeapSampler heap = new HeapSampler(server.pid())) {
      var client = new RawUpload(server.functions());
      RawUpload.ChunkSource fromFile = (index, buffer) -> read(source, index, buffer, ciphertext);
      heap.reset();
      for (int run = 0; run < RUNS + 1; run++) {
        String[] product = new String[1];
        double upload = Rates.mbPerSecond(ciphertext.length(), () -> {
          product[0] = client.upload(SIZE, ciphertext, fromFile, 4);
          return ciphertext.length();
        });
        double download = Rates.mbPerSecond(ciphertext.length(), () -> client.download(product[0], ciphertext, 4, false));
        if (run > 0) {
          up.add(upload);
          down.add(download);
        }
      }
      peakHeap = heap.peakBytes();
    }

    double upMedian = Rates.median(up);
    double downMedian = Rates.median(down);
    System.out.printf("%nData plane, %s, %d MiB ciphertext, median of %d runs (MB = 10^6 bytes)%n",
        LocalDate.now(), SIZE / (1024 * 1024), RUNS);
    System.out.printf("baseline: %s, same file, same client transport (HttpURLConnection)%n", baselineName);
    System.out.printf("| path | MB/s | ratio to baseline |%n|---|---:|---:|%n");
    System.out.printf("| raw loopback PUT (stored to disk) | %.0f | 1.00 |%n", Rates.median(basePut));
    System.out.printf("| service upload, 4 x 4 MiB chunks in flight | %.0f | %.2f |%n", upMedian, upMedian / Rates.median(basePut));
    System.out.printf("| raw loopback GET | %.0f | 1.00 |%n", Rates.median(baseGet));
    System.out.printf("| service download, 4 chunks in flight | %.0f | %.2f |%n", downMedian, downMedian / Rates.median(baseGet));
    System.out.printf("service peak heap in use (jstat, -Xmx256m): %.0f MiB%n", peakHeap / 1048576.0);
    System.out.printf("targets: upload and download >= 0.50 of baseline, heap < 256 MiB -> %s%n",
        upMedian >= Rates.median(basePut) / 2 && downMedian >= Rates.median(baseGet) / 2 && peakHeap < 256L << 20 ? "met" : "NOT met");
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
}
