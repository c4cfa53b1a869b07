package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Transfer;

/**
 * {@code products-offer} with a key envelope: the seller offers and deposits its envelope for the buyer in one
 * transaction, so that the payment can be followed by delivery without the seller being online
 * ({@link GrantDelivery#grantDeposited}, {@link IssueTicket}).
 */
public final class OfferWithKey {
  private final OfferTransfer offerTransfer;
  private final DepositKey depositKey;
  private final DeliveryPorts ports;

  public OfferWithKey(OfferTransfer offerTransfer, DeliveryPorts ports) {
    this.offerTransfer = offerTransfer;
    this.depositKey = new DepositKey(ports);
    this.ports = ports;
  }

  /** @throws DistributionException as {@link OfferTransfer#offer} and {@link DepositKey#deposit} */
  public Transfer offer(Caller seller, OfferTransfer.Command command, DepositKey.Deposit deposit) {
    return ports.transactions().inTransaction(() -> {
      Transfer transfer = offerTransfer.offer(seller, command);
      depositKey.depositWithin(seller, transfer.id(), deposit);
      return transfer;
    });
  }
}
