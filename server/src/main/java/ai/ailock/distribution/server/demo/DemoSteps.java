package ai.ailock.distribution.server.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs the demo's steps, timing each, and prints them with a summary at the end. Steps may run on the Ailocks'
 * listener threads as well as the demo's.
 */
final class DemoSteps {
  /** One step of the sale. */
  interface Step<T> {
    T run() throws Exception;
  }

  private record Done(String name, long millis, long bytes) {}

  private final PrintStream out;
  private final List<Done> done = Collections.synchronizedList(new ArrayList<>());

  DemoSteps(PrintStream out) {
    this.out = out;
  }

  <T> T run(String name, Step<T> step) throws Exception {
    return timed(name, 0, step);
  }

  /** Runs a step that moves {@code bytes}, so its throughput is reported. */
  <T> T timed(String name, long bytes, Step<T> step) throws Exception {
    long started = System.nanoTime();
    T result = step.run();
    record(name, bytes, started);
    return result;
  }

  /**
   * Runs a reaction that may find nothing to do (a listener's message about a step already taken): it counts as the
   * step only if it did something.
   */
  <T> Optional<T> ifDone(String name, long bytes, Step<Optional<T>> step) throws Exception {
    long started = System.nanoTime();
    Optional<T> result = step.run();
    if (result.isPresent()) {
      record(name, bytes, started);
    }
    return result;
  }

  private void record(String name, long bytes, long started) {
    long millis = (System.nanoTime() - started) / 1_000_000;
    done.add(new Done(name, millis, bytes));
    out.printf("  %-46s %8d ms%s%n", name, millis, bytes > 0 ? String.format("  %7.1f MB/s", rate(bytes, millis)) : "");
  }

  void summary(Map<String, String> facts) {
    List<Done> steps = List.copyOf(done);
    long total = steps.stream().mapToLong(Done::millis).sum();
    out.printf("%n| step | ms | MB/s |%n|---|---:|---:|%n");
    for (Done step : steps) {
      out.printf("| %s | %d | %s |%n", step.name(), step.millis(),
          step.bytes() > 0 ? String.format("%.1f", rate(step.bytes(), step.millis())) : "");
    }
    out.printf("| total | %d | |%n%n", total);
    new TreeMap<>(facts).forEach((name, value) -> out.printf("  %-28s %s%n", name, value));
    out.println();
  }

  private static double rate(long bytes, long millis) {
    return bytes / 1e6 / Math.max(millis, 1) * 1000;
  }
}
