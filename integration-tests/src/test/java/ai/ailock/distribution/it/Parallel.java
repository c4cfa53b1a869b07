package ai.ailock.distribution.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs test and benchmark work on several threads at once and waits for all of it; the first failure is thrown. */
public final class Parallel {
  private Parallel() {}

  /** Runs {@code worker} once on each of {@code threads} threads. */
  public static void run(int threads, Runnable worker) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Calls {@code work} with 0 to {@code count - 1}, each once, on {@code threads} threads. */
  public static void forEach(int count, int threads, IntConsumer work) {
    var next = new AtomicInteger();
    run(threads, () -> {
      for (int n; (n = next.getAndIncrement()) < count; ) {
        work.accept(n);
      }
    });
  }
}
