package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.transfer.TransferProgress.Phase;

/** Counts a transfer's bytes per phase and tells the listener, one call at a time. Thread-safe. */
final class ProgressTracker {
  private final TransferListener listener;
  private Phase phase = Phase.HASHING;
  private long done;
  private long total;

  ProgressTracker(TransferListener listener) {
    this.listener = listener;
  }

  synchronized void start(Phase newPhase, long newTotal) {
    phase = newPhase;
    done = 0;
    total = newTotal;
    listener.onProgress(new TransferProgress(phase, done, total));
  }

  synchronized void add(long bytes) {
    done += bytes;
    listener.onProgress(new TransferProgress(phase, done, total));
  }
}
