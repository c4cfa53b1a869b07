package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.AilockId;
import java.util.HashMap;
import java.util.function.Supplier;

/**
 * How every use case reads and stores transfers: participants only, compare-and-set on the version with an audit
 * record for each stored change, and a bounded retry when a concurrent change wins the compare-and-set.
 */
public final class TransferChanges {
  /** How often a unit of work runs before a lost compare-and-set becomes {@code concurrent_update}. */
  public static final int ATTEMPTS = 4;

  private final Transfers transfers;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Messenger messenger;

  public TransferChanges(Transfers transfers, AuditLog audit, Transactions transactions) {
    this(transfers, audit, transactions, Messenger.NONE);
  }

  /** @param messenger tells the parties about stored changes ({@link TransferMessages}), in the same transaction */
  public TransferChanges(Transfers transfers, AuditLog audit, Transactions transactions, Messenger messenger) {
    this.transfers = transfers;
    this.audit = audit;
    this.transactions = transactions;
    this.messenger = messenger;
  }

  /** Sends a message about a transfer in the current transaction (for facts a stored change does not carry). */
  public void send(OutboundMessage message) {
    messenger.send(message);
  }

  /**
   * @return the transfer if {@code ailock} is its seller or buyer
   * @throws DistributionException {@code transfer_not_found} otherwise: others learn nothing, not even that it exists
   */
  public Transfer visibleTo(TransferId id, AilockId ailock) {
    return transfers.find(id).filter(transfer -> transfer.involves(ailock)).orElseThrow(TransferChanges::notFound);
  }

  /**
   * @return the transfer if {@code ailock} is its buyer
   * @throws DistributionException {@code not_recipient} (403) for its seller, {@code transfer_not_found} for others
   */
  public Transfer ofBuyer(TransferId id, AilockId ailock) {
    Transfer transfer = visibleTo(id, ailock);
    if (!transfer.buyer().equals(ailock)) {
      throw new DistributionException(ErrorCode.NOT_RECIPIENT, "only the transfer's recipient may do this");
    }
    return transfer;
  }

  public static DistributionException notFound() {
    return new DistributionException(ErrorCode.TRANSFER_NOT_FOUND, "no such transfer");
  }

  /**
   * Stores an accepted change (compare-and-set on the version read) and audits it. Call inside a transaction.
   *
   * @throws ConcurrentTransferUpdate if the transfer changed since it was read (the transaction must roll back)
   */
  public Transfer store(Decision.Accepted accepted, String actor, RequestMeta meta) {
    Transfer changed = accepted.transfer();
    if (!transfers.update(changed)) {
      throw new ConcurrentTransferUpdate(changed.id());
    }
    TransferEvent event = accepted.event();
    var detail = new HashMap<>(event.detail());
    detail.put("from", event.from().wire());
    detail.put("to", event.to().wire());
    detail.put("version", Long.toString(changed.version()));
    audit.record(AuditEntry.of(event.at(), actor, event.action(), meta)
        .transfer(changed.id().value()).product(changed.product().value()).with(detail));
    TransferMessages.of(changed, event, meta.requestId()).forEach(messenger::send);
    return changed;
  }

  /**
   * Runs {@code work} in a transaction; when it loses a compare-and-set the transaction rolls back and the work runs
   * again on fresh reads, up to {@link #ATTEMPTS} times.
   *
   * @throws DistributionException {@code concurrent_update} (409) if every attempt lost
   */
  public <T> T retrying(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.inTransaction(work);
      } catch (ConcurrentTransferUpdate e) {
        if (attempt == ATTEMPTS) {
          throw new DistributionException(ErrorCode.CONCURRENT_UPDATE,
              "the transfer was changed concurrently; retry the request");
        }
      }
    }
  }
}
