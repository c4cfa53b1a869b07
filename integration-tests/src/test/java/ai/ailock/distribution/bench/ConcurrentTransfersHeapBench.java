package ai.ailock.distribution.bench;

import ai.ailock.distribution.it.GeneratedCiphertext;
import ai.ailock.distribution.it.Parallel;
import ai.ailock.distribution.it.RawUpload;
import ai.ailock.distribution.it.ServerProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's heap while it moves 8 products of 200 MiB at once: a service started with {@code -Xmx256m}; 8
 * sellers each upload their own 200 MiB of ciphertext through the chunk endpoints (two 4 MiB chunks in flight each)
 * and download it back, all started together, so uploads and downloads overlap. Peak heap in use is sampled with
 * {@code jstat} ({@link HeapSampler}). Run: {@code ./mvnw -q -Pbench verify}.
 */
public final class ConcurrentTransfersHeapBench {
  private static final long SIZE = 200L * 1024 * 1024;
  private static final int CHUNK = 4 * 1024 * 1024;
  private static final int TRANSFERS = 8;
  private static final int HEAP_MB = 256;

  public static void main(String[] args) throws Exception {
    var ciphertext = new GeneratedCiphertext(SIZE, CHUNK, 3);
    long peak;
    double seconds;
    try (WorkDirectory work = WorkDirectory.create("ailock-heap-bench-");
         ServerProcess server = ServerProcess.start(work.resolve("data"), HEAP_MB, "--logging.level.ailock.access=WARN");
         HeapSampler heap = new HeapSampler(server.pid())) {
      List<RawUpload> sellers = new ArrayList<>();
      for (int i = 0; i < TRANSFERS; i++) {
        sellers.add(new RawUpload(server.functions()));
      }
      heap.reset();
      long started = System.nanoTime();
      Parallel.forEach(TRANSFERS, TRANSFERS, n -> {
        RawUpload seller = sellers.get(n);
        String product = seller.upload(SIZE, ciphertext, 2);
        if (seller.download(product, ciphertext, 2, false) != ciphertext.length()) {
          throw new IllegalStateException("a download came back short");
        }
      });
      seconds = (System.nanoTime() - started) / 1e9;
      peak = heap.peakBytes();
      if (!server.alive()) {
        throw new IllegalStateException("the service died (out of memory?):\n" + server.log());
      }
    }
    System.out.printf("%nServer heap, %s: %d transfers of %d MiB at once (upload then download each, 2 chunks of 4 MiB "
        + "in flight per transfer), service -Xmx%dm%n", LocalDate.now(), TRANSFERS, SIZE >> 20, HEAP_MB);
    System.out.printf("| | peak heap in use | target |%n|---|---:|---:|%n| 8 x 200 MiB up and down | %.0f MiB | < 256 MB |%n",
        peak / 1048576.0);
    System.out.printf("moved %.1f GB in %.1f s (%.0f MB/s aggregate, both directions)%n",
        2.0 * TRANSFERS * ciphertext.length() / 1e9, seconds, 2.0 * TRANSFERS * ciphertext.length() / seconds / 1e6);
    System.out.printf("target: peak heap < 256 MB -> %s%n", peak < 256_000_000L ? "met" : "NOT met");
  }
}
