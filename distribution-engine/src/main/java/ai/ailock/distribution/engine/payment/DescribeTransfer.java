package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;

/** {@code transfers-get}: a transfer's state, terms, inputs and latest payment attempt, for its seller and buyer only. */
public final class DescribeTransfer {
  private final TransferChanges changes;
  private final PaymentIntents intents;

  public DescribeTransfer(TransferChanges changes, PaymentIntents intents) {
    this.changes = changes;
    this.intents = intents;
  }

  /** @throws DistributionException {@code transfer_not_found} for anyone but the seller and the buyer */
  public TransferStatus describe(Caller caller, TransferId id) {
    Transfer transfer = changes.visibleTo(id, caller.ailock());
    return new TransferStatus(transfer, intents.latest(id));
  }
}
