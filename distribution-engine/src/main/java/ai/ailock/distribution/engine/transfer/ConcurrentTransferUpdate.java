package ai.ailock.distribution.engine.transfer;

/**
 * A compare-and-set on a transfer's version changed no row: someone else changed it after it was read. Thrown inside
 * a transaction to roll it back; {@link TransferChanges#retrying} runs the work again on a fresh read.
 */
public final class ConcurrentTransferUpdate extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConcurrentTransferUpdate(TransferId id) {
    super("transfer " + id + " changed concurrently", null, false, false);
  }
}
