package ai.ailock.distribution.engine;

import java.util.function.Supplier;

/** Runs work atomically: every change made through the ports inside {@code work} commits or none does. */
public interface Transactions {

  /** Runs {@code work} in one transaction (joining an enclosing one) and returns its result. */
  <T> T inTransaction(Supplier<T> work);
}
