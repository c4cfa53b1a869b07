package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.dispute.DisputeEvent;
import ai.ailock.distribution.engine.payment.PaymentEvent;
import ai.ailock.distribution.engine.refund.RefundEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a Stripe webhook call and translates it (design §3.6): the {@code Stripe-Signature} header is checked over
 * the raw body with stripe-java's {@link Webhook.Signature#verifyHeader} (HMAC-SHA256 with the endpoint secret, timestamp
 * within the tolerance of the injected clock) before anything of the body is parsed; then the event's data object is
 * bound to stripe-java's model ({@code Session}, {@code Charge}, {@code Dispute}). Handled types:
 * <ul>
 *   <li>{@code checkout.session.completed}: {@code PAID} if {@code payment_status} is {@code paid}, else
 *       {@code PENDING} (an asynchronous payment method has not settled);
 *   <li>{@code checkout.session.async_payment_succeeded}: {@code PAID};
 *   <li>{@code checkout.session.async_payment_failed}: {@code FAILED};
 *   <li>{@code checkout.session.expired}: {@code EXPIRED}.
 * </ul>
 * and, through {@link #read}, {@code charge.refunded} (a refund; {@code amount_refunded} is the total so far) and
 * {@code charge.dispute.created} (a chargeback). Every other type is acknowledged and ignored.
 */
public final class StripeWebhooks {
  private final WebhookSecret secret;
  private final Duration tolerance;
  private final Clock clock;

  public StripeWebhooks(WebhookSecret secret, Duration tolerance, Clock clock) {
    this.secret = secret;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * @param payload the raw request body, exactly as received
   * @return the payment event, or empty for a type this service ignores
   * @throws DistributionException {@code webhook_signature_invalid} (400) if the signature or its timestamp does not
   *     verify; {@code malformed_request} if the signed body is not a Stripe event
   */
  public Optional<PaymentEvent> verify(String payload, @Nullable String signatureHeader) {
    Verified verified = read(payload, signatureHeader);
    return verified instanceof Verified.Checkout checkout ? Optional.of(checkout.event()) : Optional.empty();
  }

  /** A verified event this service handles, or {@link Verified.Ignored}. */
  public sealed interface Verified {
    record Checkout(PaymentEvent event) implements Verified {}

    record Refund(RefundEvent event) implements Verified {}

    record Dispute(DisputeEvent event) implements Verified {}

    record Ignored(String type) implements Verified {}
  }

  /**
   * @param payload the raw request body, exactly as received
   * @throws DistributionException {@code webhook_signature_invalid} (400) if the signature or its timestamp does not
   *     verify; {@code malformed_request} if the signed body is not a Stripe event of its type
   */
  public Verified read(String payload, @Nullable String signatureHeader) {
    try {
      Webhook.Signature.verifyHeader(payload, signatureHeader == null ? "" : signatureHeader, secret.value(),
          tolerance.toSeconds(), clock);
    } catch (SignatureVerificationException e) {
      throw new DistributionException(ErrorCode.WEBHOOK_SIGNATURE_INVALID,
          "the Stripe-Signature header does not verify");
    }
    Envelope event = Envelope.of(payload);
    if ("charge.refunded".equals(event.type())) {
      Charge charge = event.object(Charge.class);
      return new Verified.Refund(new RefundEvent(event.id(), event.type(), charge.getPaymentIntent(),
          charge.getMetadata() == null ? null : charge.getMetadata().get("transfer_id"), orZero(charge.getAmount()),
          orZero(charge.getAmountRefunded()), String.valueOf(charge.getCurrency()).toLowerCase(Locale.ROOT)));
    }
    if ("charge.dispute.created".equals(event.type())) {
      Dispute dispute = event.object(Dispute.class);
      return new Verified.Dispute(new DisputeEvent(event.id(), event.type(), String.valueOf(dispute.getId()),
          dispute.getPaymentIntent(), orZero(dispute.getAmount()),
          String.valueOf(dispute.getCurrency()).toLowerCase(Locale.ROOT), String.valueOf(dispute.getReason())));
    }
    return checkout(event).<Verified>map(Verified.Checkout::new).orElseGet(() -> new Verified.Ignored(event.type()));
  }

  private static Optional<PaymentEvent> checkout(Envelope event) {
    PaymentEvent.Kind kind;
    switch (event.type()) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> kind = PaymentEvent.Kind.PAID;
      case "checkout.session.async_payment_failed" -> kind = PaymentEvent.Kind.FAILED;
      case "checkout.session.expired" -> kind = PaymentEvent.Kind.EXPIRED;
      default -> {
        return Optional.empty();
      }
    }
    Session session = event.object(Session.class);
    if (kind == PaymentEvent.Kind.PAID && "checkout.session.completed".equals(event.type())
        && !"paid".equals(session.getPaymentStatus())) {
      kind = PaymentEvent.Kind.PENDING;
    }
    var checkout = StripePaymentGateway.of(session);
    return Optional.of(new PaymentEvent(event.id(), event.type(), kind, checkout.id(), checkout.transferRef(),
        checkout.amount(), checkout.currency().toLowerCase(Locale.ROOT), session.getPaymentIntent()));
  }

  /**
   * A verified event's envelope: its id, its type and {@code data.object}, read with Gson's tree parser. Only the
   * data object is bound to stripe-java's model (with its own {@code ApiResource.GSON}, whose adapters are built
   * once): binding the whole {@link com.stripe.model.Event} builds a new Gson for its {@code request} member on every
   * event, which was half of the webhook's own CPU in the burst benchmark.
   */
  private record Envelope(String id, String type, JsonObject object) {
    static Envelope of(String payload) {
      try {
        JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
        JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
        String id = event.get("id").getAsString();
        String type = event.get("type").getAsString();
        if (object == null || id == null || type == null) {
          throw new IllegalStateException("incomplete event");
        }
        return new Envelope(id, type, object);
      } catch (RuntimeException e) {
        throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "the body is not a Stripe event");
      }
    }

    <T extends StripeObject> T object(Class<T> type) {
      try {
        return Objects.requireNonNull(ApiResource.GSON.fromJson(object, type));
      } catch (RuntimeException e) {
        throw new DistributionException(ErrorCode.MALFORMED_REQUEST,
            "the event does not carry a " + type.getSimpleName());
      }
    }
  }

  private static long orZero(@Nullable Long value) {
    return value == null ? 0 : value;
  }
}
