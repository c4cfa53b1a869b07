package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code products-revoke}: the seller, or a policy (expiry, breach), revokes a transfer: it becomes {@code revoked}
 * and, in the same transaction, its key envelope is destroyed and its claims and download sessions stop working at
 * once ({@link DestroyAccess}). An acknowledged transfer cannot be revoked (the buyer holds the content; the transition
 * table has no such edge), nor a closed one.
 */
public final class RevokeAccess {
  private final DeliveryPorts ports;
  private final DestroyAccess destroyAccess;

  public RevokeAccess(DeliveryPorts ports) {
    this.ports = ports;
    this.destroyAccess = DestroyAccess.of(ports);
  }

  /**
   * @param reason a short, non-secret reason kept in the audit trail
   * @throws DistributionException {@code transfer_not_found}, {@code not_seller}, {@code illegal_transition}, {@code rate_limited}
   */
  public Transfer revoke(Caller seller, TransferId id, String reason) {
    ports.throttle().take(seller.ailock(), ThrottledAction.REVOKE);
    return ports.changes().retrying(() -> {
      Transfer transfer = DepositKey.ofSeller(ports, id, seller);
      Instant now = ports.clock().instant();
      Transfer revoked = ports.changes().store(transfer.revoke(now, reason).orThrow(), seller.ailock().value(),
          seller.meta());
      destroyAccess.destroy(revoked, now, seller.ailock().value(), reason, seller.meta());
      return revoked;
    });
  }

  /**
   * A policy revokes the transfer (actor {@code policy:<reason>}), if its state allows; its access is destroyed either
   * way.
   *
   * @return the revoked transfer, or empty if the transition table did not allow it
   */
  public Optional<Transfer> revokeByPolicy(TransferId id, String reason, RequestMeta meta) {
    return ports.changes().retrying(() -> {
      Transfer transfer = ports.transfers().find(id).orElseThrow();
      Instant now = ports.clock().instant();
      String actor = "policy:" + reason;
      Decision decision = transfer.revoke(now, reason);
      Optional<Transfer> revoked = decision instanceof Decision.Accepted accepted
          ? Optional.of(ports.changes().store(accepted, actor, meta)) : Optional.empty();
      destroyAccess.destroy(transfer, now, actor, reason, meta);
      return revoked;
    });
  }
}
