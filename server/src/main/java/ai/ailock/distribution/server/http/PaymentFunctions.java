package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.server.stripe.WebhookIntake;
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
 * by an Ailock's (it does not go through {@link RequestGate}). A bad signature is the only 400; what an event does is
 * {@link WebhookIntake}'s; every verified event is answered 200 with its outcome.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class PaymentFunctions {
  /** Stripe's events are a few KiB; anything this large is not one. */
  private static final int MAX_EVENT_BYTES = 256 * 1024;

  private final WebhookIntake intake;

  PaymentFunctions(WebhookIntake intake) {
    this.intake = intake;
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
    String outcome = intake.accept(new String(body, StandardCharsets.UTF_8), request.getHeader("Stripe-Signature"),
        RequestMetas.of(request));
    return Map.of("received", true, "outcome", outcome);
  }
}
