package ai.ailock.distribution.engine.dispute;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.ratelimit.Throttle;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Clock;
import java.util.Map;

/**
 * {@code products-dispute}: the buyer or the seller opens a dispute on a paid transfer (plan §7.6): it becomes
 * {@code disputed}; no new ticket, claim or chunk is served until it is settled (refunded, revoked, or acknowledged by
 * the buyer's receipt). The evidence is assembled by {@link AssembleEvidence}.
 */
public final class OpenDispute {
  private final TransferChanges changes;
  private final Throttle throttle;
  private final Clock clock;

  public OpenDispute(TransferChanges changes, Throttle throttle, Clock clock) {
    this.changes = changes;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * @param reason a short statement, kept in the audit trail (at most 500 characters)
   * @throws DistributionException {@code transfer_not_found}, {@code illegal_transition} (not paid, or closed),
   *     {@code rate_limited}
   */
  public Transfer open(Caller caller, TransferId id, String reason) {
    if (reason.isBlank() || reason.length() > 500) {
      throw new IllegalArgumentException("a dispute's reason has 1 to 500 characters");
    }
    throttle.take(caller.ailock(), ThrottledAction.DISPUTE);
    return changes.retrying(() -> {
      Transfer transfer = changes.visibleTo(id, caller.ailock());
      String side = transfer.buyer().equals(caller.ailock()) ? "buyer" : "seller";
      return changes.store(transfer.dispute(clock.instant(), Map.of("opened_by", side, "reason", reason)).orThrow(),
          caller.ailock().value(), caller.meta());
    });
  }
}
