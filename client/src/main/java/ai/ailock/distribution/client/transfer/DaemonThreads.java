package ai.ailock.distribution.client.transfer;

import java.util.concurrent.ThreadFactory;

/** The transfer engine's worker threads: daemons, so a stuck transfer never keeps the process alive. */
final class DaemonThreads {
  private DaemonThreads() {}

  /** @return a factory of daemon threads called {@code name} */
  static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
