package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.payment.ConfirmPayment;
import ai.ailock.distribution.engine.payment.PaymentEvent;
import ai.ailock.distribution.engine.payment.PaymentOutcome;
import ai.ailock.distribution.server.stripe.StripeWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code payments-stripe-webhook}: Stripe calls it, so it is authenticated by Stripe's signature over the raw body, not
 * by an Ailock's (it does not go through {@link RequestGate}). A bad signature is the only 400; handled events are
 * applied once per event id; other types are acknowledged with 200 and ignored.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class PaymentFunctions {
  /** Stripe's events are a few KiB; anything this large is not one. */
  private static final int MAX_EVENT_BYTES = 256 * 1024;

  private final StripeWebhooks webhooks;
  private final ConfirmPayment confirmPayment;

  PaymentFunctions(StripeWebhooks webhooks, ConfirmPayment confirmPayment) {
    this.webhooks = webhooks;
    this.confirmPayment = confirmPayment;
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
    Optional<PaymentEvent> event = webhooks.verify(new String(body, StandardCharsets.UTF_8),
        request.getHeader("Stripe-Signature"));
    if (event.isEmpty()) {
      return Map.of("received", true, "outcome", "ignored");
    }
    PaymentOutcome outcome = confirmPayment.confirm(event.get(), RequestMetas.of(request));
    return Map.of("received", true, "outcome", outcome.code());
  }
}
