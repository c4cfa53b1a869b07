package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** The first failure among a transfer's worker threads: the one that stops the others and reaches the caller. */
final class FirstFailure {
  private final AtomicReference<@Nullable Throwable> first = new AtomicReference<>();

  /** Keeps {@code e} unless a failure was recorded before. */
  void record(Throwable e) {
    first.compareAndSet(null, e);
  }

  boolean none() {
    return first.get() == null;
  }

  /** Throws the first failure, if any, as {@link Retry#rethrow} does. */
  void rethrow() throws IOException, GeneralSecurityException {
    Throwable e = first.get();
    if (e != null) {
      throw Retry.rethrow(e);
    }
  }
}
