package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;

/** {@code product_dispute}: either party disputes a paid transfer, as {@code products-dispute}. */
final class ProductDisputeHandler implements InteractionHandler<ProductDisputeHandler.Payload> {
  record Payload(String transferId, String reason) {}

  private final OpenDispute openDispute;

  ProductDisputeHandler(OpenDispute openDispute) {
    this.openDispute = openDispute;
  }

  @Override
  public InteractionType type() {
    return InteractionType.PRODUCT_DISPUTE;
  }

  @Override
  public Class<Payload> payloadType() {
    return Payload.class;
  }

  @Override
  public Transfer handle(Payload p, InteractionContext ctx) {
    return openDispute.open(ctx.sender(), TransferId.parse(p.transferId()), p.reason());
  }
}
