package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.payment.CheckoutRequest;
import ai.ailock.distribution.engine.payment.CheckoutSession;
import ai.ailock.distribution.engine.payment.PaymentGateway;
import ai.ailock.distribution.engine.payment.PaymentGatewayException;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link PaymentGateway} on Stripe Checkout through an injected {@link StripeClient} (its API base is the client's own,
 * never the static {@code Stripe.overrideApiBase}). One session per transfer and attempt: the idempotency key is
 * {@link CheckoutRequest#idempotencyKey()}, the transfer id travels in {@code client_reference_id} and in the metadata
 * of the session and of its PaymentIntent (so charge events name it too).
 */
public final class StripePaymentGateway implements PaymentGateway {
  private final StripeClient client;
  private final String successUrl;
  private final String cancelUrl;

  public StripePaymentGateway(StripeClient client, String successUrl, String cancelUrl) {
    this.client = client;
    this.successUrl = successUrl;
    this.cancelUrl = cancelUrl;
  }

  @Override
  public String provider() {
    return "stripe";
  }

  @Override
  public CheckoutSession createCheckout(CheckoutRequest request) {
    String transferId = request.transferId().toString();
    var params = SessionCreateParams.builder()
        .setMode(SessionCreateParams.Mode.PAYMENT)
        .setClientReferenceId(transferId)
        .putMetadata("transfer_id", transferId)
        .putMetadata("attempt", Integer.toString(request.attempt()))
        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
            .putMetadata("transfer_id", transferId).build())
        .addLineItem(SessionCreateParams.LineItem.builder()
            .setQuantity(1L)
            .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(request.price().currency())
                .setUnitAmount(request.price().amount())
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                    .setName(request.description()).build())
                .build())
            .build())
        .setSuccessUrl(successUrl)
        .setCancelUrl(cancelUrl)
        .build();
    try {
      Session session = client.checkout().sessions().create(params,
          RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
      return of(session);
    } catch (StripeException e) {
      throw new PaymentGatewayException("Stripe refused to create a Checkout Session: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<CheckoutSession> findCheckout(String sessionId) {
    try {
      return Optional.of(of(client.checkout().sessions().retrieve(sessionId)));
    } catch (InvalidRequestException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode())) {
        return Optional.empty();
      }
      throw new PaymentGatewayException("Stripe refused to retrieve a Checkout Session: " + e.getMessage(), e);
    } catch (StripeException e) {
      throw new PaymentGatewayException("Stripe is unavailable: " + e.getMessage(), e);
    }
  }

  static CheckoutSession of(Session session) {
    CheckoutSession.Status status = switch (String.valueOf(session.getStatus())) {
      case "complete" -> CheckoutSession.Status.COMPLETE;
      case "expired" -> CheckoutSession.Status.EXPIRED;
      default -> CheckoutSession.Status.OPEN;
    };
    String transferRef = session.getMetadata() != null && session.getMetadata().get("transfer_id") != null
        ? session.getMetadata().get("transfer_id") : session.getClientReferenceId();
    Long amount = session.getAmountTotal();
    return new CheckoutSession(session.getId(), session.getUrl(), status, "paid".equals(session.getPaymentStatus()),
        amount == null ? 0 : amount, String.valueOf(session.getCurrency()).toLowerCase(Locale.ROOT), transferRef,
        session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()));
  }
}
