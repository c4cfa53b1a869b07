package ai.ailock.distribution.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples another JVM's used heap every 100 ms with {@code jstat -gc} and keeps the peak (bytes). */
final class HeapSampler implements AutoCloseable {
  private final Process jstat;
  private final Thread reader;
  private final AtomicLong peak = new AtomicLong();

  HeapSampler(long pid) throws IOException {
    jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
        Long.toString(pid), "100").redirectErrorStream(true).start();
    reader = new Thread(this::read, "heap-sampler");
    reader.setDaemon(true);
    reader.start();
  }

  /** Forgets the peak so far, e.g. after start-up. */
  void reset() {
    peak.set(0);
  }

  long peakBytes() {
    return peak.get();
  }

  private void read() {
    try (var lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
      String[] header = null;
      for (String line; (line = lines.readLine()) != null; ) {
        String[] cells = line.trim().split("\\s+");
        if (cells[0].equals("S0C")) {
          header = cells;
          continue;
        }
        if (header == null || cells.length != header.length) {
          continue;
        }
        double usedKb = 0;
        for (int i = 0; i < header.length; i++) {
          if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU") || header[i].equals("OU")) {
            usedKb += Double.parseDouble(cells[i]);
          }
        }
        long used = (long) (usedKb * 1024);
        peak.accumulateAndGet(used, Math::max);
      }
    } catch (IOException | NumberFormatException e) {
      // the sampled JVM exited
    }
  }

  @Override
  public void close() {
    jstat.destroy();
  }
}
