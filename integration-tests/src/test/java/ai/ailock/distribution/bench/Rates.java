package ai.ailock.distribution.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/** Timing helpers shared by the benchmarks. MB = 10^6 bytes. */
final class Rates {
  private Rates() {}

  /** Runs {@code transfer}, checks it moved {@code expectedBytes}, and returns its MB/s. */
  static double mbPerSecond(long expectedBytes, LongSupplier transfer) {
    long started = System.nanoTime();
    long bytes = transfer.getAsLong();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (bytes != expectedBytes) {
      throw new IllegalStateException("moved " + bytes + " bytes, expected " + expectedBytes);
    }
    return bytes / seconds / 1e6;
  }

  /** @return the median (the upper one of an even count) */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
