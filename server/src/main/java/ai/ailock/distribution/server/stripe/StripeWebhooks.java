package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.dispute.DisputeEvent;
import ai.ailock.distribution.engine.payment.PaymentEvent;
import ai.ailock.distribution.engine.refund.RefundEvent;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a Stripe webhook call and translates it (design §3.6): the {@code Stripe-Signature} header is checked over
 * the raw body with {@link Webhook#constructEvent(String, String, String, long, Clock)} (HMAC-SHA256 with the endpoint
 * secret, timestamp within the tolerance of the injected clock). Handled types:
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
    Event event;
    try {
      event = Webhook.constructEvent(payload, signatureHeader == null ? "" : signatureHeader, secret.value(),
          tolerance.toSeconds(), clock);
    } catch (SignatureVerificationException e) {
      throw new DistributionException(ErrorCode.WEBHOOK_SIGNATURE_INVALID,
          "the Stripe-Signature header does not verify");
    } catch (RuntimeException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "the body is not a Stripe event");
    }
    String type = String.valueOf(event.getType());
    if ("charge.refunded".equals(type)) {
      Charge charge = dataObject(event, Charge.class);
      return new Verified.Refund(new RefundEvent(event.getId(), type, charge.getPaymentIntent(),
          charge.getMetadata() == null ? null : charge.getMetadata().get("transfer_id"), orZero(charge.getAmount()),
          orZero(charge.getAmountRefunded()), String.valueOf(charge.getCurrency()).toLowerCase(Locale.ROOT)));
    }
    if ("charge.dispute.created".equals(type)) {
      Dispute dispute = dataObject(event, Dispute.class);
      return new Verified.Dispute(new DisputeEvent(event.getId(), type, String.valueOf(dispute.getId()),
          dispute.getPaymentIntent(), orZero(dispute.getAmount()),
          String.valueOf(dispute.getCurrency()).toLowerCase(Locale.ROOT), String.valueOf(dispute.getReason())));
    }
    return checkout(event).<Verified>map(Verified.Checkout::new).orElseGet(() -> new Verified.Ignored(type));
  }

  private static Optional<PaymentEvent> checkout(Event event) {
    PaymentEvent.Kind kind;
    switch (String.valueOf(event.getType())) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> kind = PaymentEvent.Kind.PAID;
      case "checkout.session.async_payment_failed" -> kind = PaymentEvent.Kind.FAILED;
      case "checkout.session.expired" -> kind = PaymentEvent.Kind.EXPIRED;
      default -> {
        return Optional.empty();
      }
    }
    Session session = dataObject(event, Session.class);
    if (kind == PaymentEvent.Kind.PAID && "checkout.session.completed".equals(event.getType())
        && !"paid".equals(session.getPaymentStatus())) {
      kind = PaymentEvent.Kind.PENDING;
    }
    var checkout = StripePaymentGateway.of(session);
    return Optional.of(new PaymentEvent(event.getId(), event.getType(), kind, checkout.id(), checkout.transferRef(),
        checkout.amount(), checkout.currency().toLowerCase(Locale.ROOT), session.getPaymentIntent()));
  }

  private static <T extends StripeObject> T dataObject(Event event, Class<T> type) {
    Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
    try {
      StripeObject data = object.isPresent() ? object.get() : event.getDataObjectDeserializer().deserializeUnsafe();
      if (type.isInstance(data)) {
        return type.cast(data);
      }
    } catch (EventDataObjectDeserializationException e) {
      // fall through
    }
    throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "the event does not carry a " + type.getSimpleName());
  }

  private static long orZero(@Nullable Long value) {
    return value == null ? 0 : value;
  }
}
