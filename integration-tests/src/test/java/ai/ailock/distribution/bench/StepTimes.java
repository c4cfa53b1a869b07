package ai.ailock.distribution.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Wall time spent in each named step of a repeated sequence, summed over threads: where a lifecycle's time goes. */
final class StepTimes {
  private final String[] names;
  private final AtomicLongArray nanos;
  private final AtomicLongArray counts;

  StepTimes(String... names) {
    this.names = names;
    this.nanos = new AtomicLongArray(names.length);
    this.counts = new AtomicLongArray(names.length);
  }

  /** Adds the time since {@code since} to step {@code step}. @return now, the start of the next step */
  long lap(int step, long since) {
    long now = System.nanoTime();
    nanos.addAndGet(step, now - since);
    counts.incrementAndGet(step);
    return now;
  }

  void reset() {
    for (int i = 0; i < names.length; i++) {
      nanos.set(i, 0);
      counts.set(i, 0);
    }
  }

  /** @return "name mean-ms" for each step */
  String summary() {
    var text = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      long n = Math.max(1, counts.get(i));
      text.append(String.format(" %s %.2f", names[i], nanos.get(i) / (double) n / 1e6));
    }
    return text.toString().trim();
  }
}
