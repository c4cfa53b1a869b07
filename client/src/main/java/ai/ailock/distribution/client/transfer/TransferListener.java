package ai.ailock.distribution.client.transfer;

/**
 * Receives a transfer's progress. Calls may come from several threads, but never at the same time; they should
 * return quickly (a progress bar redraws at its own pace).
 */
@FunctionalInterface
public interface TransferListener {

  /** A listener that ignores everything. */
  TransferListener NONE = progress -> {};

  void onProgress(TransferProgress progress);
}
