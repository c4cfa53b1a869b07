package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;

/**
 * {@code products-ticket} (batch {@code get_delivery_ticket}): the buyer asks for its delivery ticket: the envelope and
 * a fresh claim token. A {@code paid} transfer whose envelope the seller deposited before payment is delivered right
 * here, so a grant lost between payment and delivery (a crash, a missed message) is recovered by asking. Each call
 * issues a new token; tokens are short-lived and one-time, and only completed downloads count against the limit.
 */
public final class IssueTicket {
  private final DeliveryPorts ports;
  private final Tickets tickets;

  public IssueTicket(DeliveryPorts ports) {
    this.ports = ports;
    this.tickets = new Tickets(ports);
  }

  /**
   * @throws DistributionException {@code transfer_not_found}, {@code not_recipient}, {@code not_paid},
   *     {@code missing_inputs}, {@code key_not_deposited}, {@code transfer_disputed}, {@code access_revoked},
   *     {@code transfer_expired}, {@code product_expired}, {@code rate_limited}
   */
  public DeliveryTicket ticket(Caller buyer, TransferId id) {
    ports.throttle().take(buyer.ailock(), ThrottledAction.TICKET);
    return ports.changes().retrying(() -> {
      Transfer transfer = ports.changes().ofBuyer(id, buyer.ailock());
      DeliveryGate.requireGrantedOrGrantable(transfer, ports.clock().instant());
      Transfer delivered = tickets.deliverIfPaid(transfer, buyer.ailock().value(), buyer.meta());
      return tickets.issue(delivered, buyer.ailock().value(), buyer.meta());
    });
  }
}
