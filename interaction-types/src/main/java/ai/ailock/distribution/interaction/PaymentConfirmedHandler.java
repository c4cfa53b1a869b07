package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.transfer.Transfer;

/**
 * {@code payment_confirmed} sent by an Ailock: always refused with {@code payment_confirmed_by_provider_only}. A
 * payment is confirmed only by the provider's signed state (the Stripe webhook or reconciliation, both calling
 * {@code ConfirmPayment}); an Ailock's word is not evidence of payment. The service sends this type to both parties.
 */
final class PaymentConfirmedHandler implements InteractionHandler<PaymentConfirmedHandler.Payload> {
  record Payload(String transferId, @org.jspecify.annotations.Nullable String paymentRef) {}

  @Override
  public InteractionType type() {
    return InteractionType.PAYMENT_CONFIRMED;
  }

  @Override
  public Class<Payload> payloadType() {
    return Payload.class;
  }

  @Override
  public Transfer handle(Payload p, InteractionContext ctx) {
    throw new DistributionException(ErrorCode.PAYMENT_CONFIRMED_BY_PROVIDER_ONLY,
        "payments are confirmed by the payment provider (Stripe) only");
  }
}
