package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.RevokeAccess;
import ai.ailock.distribution.engine.delivery.SignedReceipt;
import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** The standard handlers, one per inbound type, on the engine's use cases. */
public final class InteractionHandlers {
  private InteractionHandlers() {}

  /**
   * @param receiptReader reads a schema-valid {@code ailock-receipt-v1} document (the host's, shared with
   *     {@code products-ack})
   */
  public static List<InteractionHandler<?>> standard(OfferTransfer offerTransfer, AcknowledgeDelivery acknowledge,
      Function<JsonNode, SignedReceipt> receiptReader, RevokeAccess revokeAccess, OpenDispute openDispute) {
    return List.of(new ProductOfferHandler(offerTransfer), new DeliveryReceiptHandler(acknowledge, receiptReader),
        new ProductRevokeHandler(revokeAccess), new ProductDisputeHandler(openDispute), new PaymentConfirmedHandler());
  }
}
