package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.delivery.AcknowledgeDelivery;
import ai.ailock.distribution.engine.delivery.SignedReceipt;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** {@code delivery_receipt}: the buyer acknowledges a delivery with its signed receipt, as {@code products-ack}. */
final class DeliveryReceiptHandler implements InteractionHandler<DeliveryReceiptHandler.Payload> {
  record Payload(String transferId, JsonNode receipt) {}

  private final AcknowledgeDelivery acknowledgeDelivery;
  private final Function<JsonNode, SignedReceipt> receiptReader;

  DeliveryReceiptHandler(AcknowledgeDelivery acknowledgeDelivery, Function<JsonNode, SignedReceipt> receiptReader) {
    this.acknowledgeDelivery = acknowledgeDelivery;
    this.receiptReader = receiptReader;
  }

  @Override
  public InteractionType type() {
    return InteractionType.DELIVERY_RECEIPT;
  }

  @Override
  public Class<Payload> payloadType() {
    return Payload.class;
  }

  @Override
  public Transfer handle(Payload p, InteractionContext ctx) {
    return acknowledgeDelivery.acknowledge(ctx.sender(), TransferId.parse(p.transferId()),
        receiptReader.apply(p.receipt()));
  }
}
