package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code products-grant} (plan §7.4): the seller releases its key envelope to the buyer. Refused until the transfer is
 * {@code paid} with every required input in ({@code not_paid}, {@code missing_inputs}); then, in one transaction, the
 * envelope given here (or deposited before) is kept, the transfer becomes {@code delivered} and a delivery ticket is
 * issued. Granting a delivered transfer again only issues a fresh ticket (idempotent).
 *
 * <p>{@link #grantDeposited} is the automatic grant: when the envelope was deposited before payment, the payment
 * confirmation can deliver at once (not when the transfer waits for its personalized copy). It is idempotent and safe
 * to retry after a crash.
 */
public final class GrantDelivery {
  private final DeliveryPorts ports;
  private final DepositKey depositKey;
  private final Tickets tickets;

  public GrantDelivery(DeliveryPorts ports) {
    this.ports = ports;
    this.depositKey = new DepositKey(ports);
    this.tickets = new Tickets(ports);
  }

  /**
   * @param deposit the envelope to keep, or null to grant the one deposited earlier
   * @throws DistributionException {@code transfer_not_found}, {@code not_seller}, {@code not_paid},
   *     {@code missing_inputs}, {@code key_not_deposited}, {@code copy_required}, {@code content_quarantined},
   *     {@code key_already_granted}, {@code transfer_disputed},
   *     {@code access_revoked}, {@code transfer_expired}, {@code product_expired}, {@code validation_failed}
   */
  public DeliveryTicket grant(Caller seller, TransferId id, DepositKey.@Nullable Deposit deposit) {
    return ports.changes().retrying(() -> {
      Transfer transfer = DepositKey.ofSeller(ports, id, seller);
      DeliveryGate.requireGrantedOrGrantable(transfer, ports.clock().instant());
      if (deposit != null) {
        depositKey.depositWithin(seller, id, deposit);
      }
      Transfer delivered = tickets.deliverIfPaid(transfer, seller.ailock().value(), seller.meta());
      return tickets.issue(delivered, seller.ailock().value(), seller.meta());
    });
  }

  /**
   * Delivers a {@code paid} transfer whose envelope was deposited before; does nothing otherwise.
   *
   * @return the delivered transfer, or empty if it was not {@code paid} or has no envelope
   */
  public Optional<Transfer> grantDeposited(TransferId id, RequestMeta meta) {
    if (ports.keys().find(id).filter(k -> !k.destroyed()).isEmpty()) {
      return Optional.empty(); // the usual case on payment: nothing deposited, so no transaction at all
    }
    return ports.changes().retrying(() -> {
      Optional<Transfer> found = ports.transfers().find(id);
      Optional<DepositedKey> key = ports.keys().find(id).filter(k -> !k.destroyed());
      if (found.isEmpty() || found.get().state() != TransferState.PAID || key.isEmpty()
          || tickets.copyRefusal(found.get(), key.get()).isPresent()
          || ports.checks().quarantined(found.get().product())) {
        return Optional.empty();
      }
      return Optional.of(tickets.deliverIfPaid(found.get(), "policy:grant_deposited_key", meta));
    });
  }
}
