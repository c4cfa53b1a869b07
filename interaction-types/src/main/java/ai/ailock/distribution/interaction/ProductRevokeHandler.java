package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.delivery.RevokeAccess;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;

/** {@code product_revoke}: the seller revokes the buyer's access, as {@code products-revoke}. */
final class ProductRevokeHandler implements InteractionHandler<ProductRevokeHandler.Payload> {
  record Payload(String transferId, String reason) {}

  private final RevokeAccess revokeAccess;

  ProductRevokeHandler(RevokeAccess revokeAccess) {
    this.revokeAccess = revokeAccess;
  }

  @Override
  public InteractionType type() {
    return InteractionType.PRODUCT_REVOKE;
  }

  @Override
  public Class<Payload> payloadType() {
    return Payload.class;
  }

  @Override
  public Transfer handle(Payload p, InteractionContext ctx) {
    return revokeAccess.revoke(ctx.sender(), TransferId.parse(p.transferId()), p.reason());
  }
}
