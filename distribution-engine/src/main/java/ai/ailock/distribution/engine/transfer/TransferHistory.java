package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.Page;
import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.identity.Caller;
import org.jspecify.annotations.Nullable;

/**
 * {@code transfers-list}: an Ailock pages through its sales (as the seller) or its purchases (as the buyer), newest
 * first, optionally in one state. It sees only transfers it is a party to.
 */
public final class TransferHistory {
  private final Transfers transfers;

  public TransferHistory(Transfers transfers) {
    this.transfers = transfers;
  }

  public Page<Transfer> list(Caller caller, Party party, @Nullable TransferState state, PageRequest page) {
    return Page.of(transfers.involving(caller.ailock(), party, state, page.after(), page.limit() + 1), page,
        TransferHistory::position);
  }

  public static PageCursor position(Transfer transfer) {
    return new PageCursor(transfer.createdAt(), transfer.id().value());
  }
}
