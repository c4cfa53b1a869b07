package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import org.jspecify.annotations.Nullable;

/** {@code product_offer}: the sender (seller) offers a ready product, as {@code products-offer}. */
final class ProductOfferHandler implements InteractionHandler<ProductOfferHandler.Payload> {
  record Payload(String productId, String recipient, @Nullable PriceJson price, @Nullable PolicyJson policy) {}

  record PriceJson(long amount, String currency) {}

  record PolicyJson(@Nullable Integer retentionDays, @Nullable Integer downloadLimit) {}

  private final OfferTransfer offerTransfer;

  ProductOfferHandler(OfferTransfer offerTransfer) {
    this.offerTransfer = offerTransfer;
  }

  @Override
  public InteractionType type() {
    return InteractionType.PRODUCT_OFFER;
  }

  @Override
  public Class<Payload> payloadType() {
    return Payload.class;
  }

  @Override
  public Transfer handle(Payload p, InteractionContext ctx) {
    var overrides = new TransferTerms.Overrides(p.price() == null ? null : new Price(p.price().amount(),
        p.price().currency()), p.policy() == null ? null : p.policy().downloadLimit(),
        p.policy() == null ? null : p.policy().retentionDays());
    return offerTransfer.offer(ctx.sender(),
        new OfferTransfer.Command(ProductId.parse(p.productId()), new AilockId(p.recipient()), overrides));
  }
}
