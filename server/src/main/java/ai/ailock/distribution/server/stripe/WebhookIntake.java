package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.delivery.GrantDelivery;
import ai.ailock.distribution.engine.dispute.RecordChargeDispute;
import ai.ailock.distribution.engine.payment.ConfirmPayment;
import ai.ailock.distribution.engine.payment.PaymentOutcome;
import ai.ailock.distribution.engine.refund.RecordRefund;
import ai.ailock.distribution.engine.transfer.TransferId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one Stripe webhook call does, whoever receives it: verifies the signature ({@link StripeWebhooks}), then applies
 * the event once per event id. Checkout events confirm payments (and deliver at once when the seller deposited its key
 * with the offer), {@code charge.refunded} records refunds (a full one ends access), {@code charge.dispute.created}
 * disputes the transfer; other types are ignored.
 */
public final class WebhookIntake {
  /** The outcome of an event type this service does not handle. */
  public static final String IGNORED = "ignored";

  private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

  private final StripeWebhooks webhooks;
  private final ConfirmPayment confirmPayment;
  private final RecordRefund recordRefund;
  private final RecordChargeDispute recordDispute;
  private final GrantDelivery grantDelivery;

  public WebhookIntake(StripeWebhooks webhooks, ConfirmPayment confirmPayment, RecordRefund recordRefund,
      RecordChargeDispute recordDispute, GrantDelivery grantDelivery) {
    this.webhooks = webhooks;
    this.confirmPayment = confirmPayment;
    this.recordRefund = recordRefund;
    this.recordDispute = recordDispute;
    this.grantDelivery = grantDelivery;
  }

  /**
   * @param payload the raw request body, exactly as received
   * @return the outcome's stable code ({@code fulfilled}, {@code duplicate_event}, …, or {@value #IGNORED})
   * @throws ai.ailock.distribution.engine.DistributionException {@code webhook_signature_invalid} if the signature
   *     does not verify; {@code malformed_request} if the signed body is not a Stripe event of its type
   */
  public String accept(String payload, @Nullable String signatureHeader, RequestMeta meta) {
    StripeWebhooks.Verified event = webhooks.read(payload, signatureHeader);
    PaymentOutcome outcome;
    if (event instanceof StripeWebhooks.Verified.Checkout checkout) {
      outcome = confirmPayment.confirm(checkout.event(), meta);
      if (outcome.fulfilled() && outcome.transfer() != null) {
        grantDeposited(outcome.transfer(), meta);
      }
    } else if (event instanceof StripeWebhooks.Verified.Refund refund) {
      outcome = recordRefund.record(refund.event(), meta);
    } else if (event instanceof StripeWebhooks.Verified.Dispute dispute) {
      outcome = recordDispute.record(dispute.event(), meta);
    } else {
      return IGNORED;
    }
    return outcome.code();
  }

  /**
   * The payment is committed; if the seller deposited its key envelope with the offer, deliver now. Best effort: if
   * this fails (or the process dies here), the buyer's {@code products-ticket} delivers on its first call.
   */
  private void grantDeposited(TransferId transfer, RequestMeta meta) {
    try {
      grantDelivery.grantDeposited(transfer, meta);
    } catch (RuntimeException e) {
      log.warn("automatic grant of transfer {} failed; the buyer's ticket request will deliver", transfer, e);
    }
  }
}
