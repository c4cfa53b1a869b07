package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.delivery.GrantDelivery;
import ai.ailock.distribution.engine.dispute.RecordChargeDispute;
import ai.ailock.distribution.engine.payment.ConfirmPayment;
import ai.ailock.distribution.engine.refund.RecordRefund;
import ai.ailock.distribution.engine.transfer.TransferId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ai.ailock.distribution.engine.payment.PaymentOutcome;
import ai.ailock.distribution.server.stripe.StripeWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code payments-stripe-webhook}: Stripe calls it, so it is authenticated by Stripe's signature over the raw body, not
 * by an Ailock's (it does not go through {@link RequestGate}). A bad signature is the only 400; handled events are
 * applied once per event id; other types are acknowledged with 200 and ignored. Checkout events confirm payments (and
 * deliver at once when the seller deposited its key with the offer), {@code charge.refunded} records refunds (a full
 * one ends access) and {@code charge.dispute.created} disputes the transfer.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class PaymentFunctions {
  /** Stripe's events are a few KiB; anything this large is not one. */
  private static final int MAX_EVENT_BYTES = 256 * 1024;

  private static final Logger log = LoggerFactory.getLogger(PaymentFunctions.class);

  private final StripeWebhooks webhooks;
  private final ConfirmPayment confirmPayment;
  private final RecordRefund recordRefund;
  private final RecordChargeDispute recordDispute;
  private final GrantDelivery grantDelivery;

  PaymentFunctions(StripeWebhooks webhooks, ConfirmPayment confirmPayment, RecordRefund recordRefund,
      RecordChargeDispute recordDispute, GrantDelivery grantDelivery) {
    this.webhooks = webhooks;
    this.confirmPayment = confirmPayment;
    this.recordRefund = recordRefund;
    this.recordDispute = recordDispute;
    this.grantDelivery = grantDelivery;
  }

  @PostMapping("/payments-stripe-webhook")
  Map<String, Object> webhook(HttpServletRequest request) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_EVENT_BYTES + 1);
    }
    if (body.length > MAX_EVENT_BYTES) {
      throw new DistributionException(ErrorCode.REQUEST_TOO_LARGE, "webhook bodies are limited to 256 KiB");
    }
    StripeWebhooks.Verified event = webhooks.read(new String(body, StandardCharsets.UTF_8),
        request.getHeader("Stripe-Signature"));
    RequestMeta meta = RequestMetas.of(request);
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
      return Map.of("received", true, "outcome", "ignored");
    }
    return Map.of("received", true, "outcome", outcome.code());
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
