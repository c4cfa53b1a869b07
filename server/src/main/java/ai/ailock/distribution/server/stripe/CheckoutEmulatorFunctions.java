package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's checkout page, {@code checkout-emulator/pay?session=…} (only while no Stripe API key is configured).
 * {@code GET} shows the session with buttons; {@code POST} with {@code outcome} plays what Stripe would do and posts the
 * matching event, signed like Stripe's ({@code Stripe-Signature: t=…,v1=HMAC-SHA256(secret, t + "." + body)}), to the
 * service's own {@code payments-stripe-webhook}:
 * <ul>
 *   <li>{@code paid}: completed and paid ({@code checkout.session.completed}, {@code payment_status=paid});
 *   <li>{@code pending}: completed with an asynchronous method not settled yet ({@code payment_status=unpaid});
 *   <li>{@code settle} / {@code fail}: that asynchronous payment succeeds / fails
 *       ({@code checkout.session.async_payment_succeeded} / {@code …_failed});
 *   <li>{@code expire}: the session expires ({@code checkout.session.expired}).
 * </ul>
 * Not authenticated, like Stripe's hosted page: knowing the session id is enough. It moves no real money.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
@ConditionalOnExpression(PaymentConfiguration.EMULATED)
class CheckoutEmulatorFunctions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CheckoutEmulator emulator;
  private final WebhookSecret secret;
  private final Clock clock;
  private final String basePath;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CheckoutEmulatorFunctions(CheckoutEmulator emulator, WebhookSecret secret, Clock clock,
      ai.ailock.distribution.server.config.DistributionProperties properties) {
    this.emulator = emulator;
    this.secret = secret;
    this.clock = clock;
    this.basePath = properties.basePath();
  }

  @GetMapping(value = "/checkout-emulator/pay", produces = MediaType.TEXT_HTML_VALUE)
  String page(@RequestParam("session") String sessionId) {
    CheckoutEmulator.Emulated s = session(sessionId);
    String amount = String.format(Locale.ROOT, "%d.%02d %s", s.amount() / 100, s.amount() % 100,
        s.currency().toUpperCase(Locale.ROOT));
    String buttons = "open".equals(s.status()) ? """
        <form method="post"><input type="hidden" name="session" value="%1$s">
        <button name="outcome" value="paid">Pay</button> <button name="outcome" value="pending">Pay later (async)</button>
        <button name="outcome" value="expire">Let it expire</button></form>""".formatted(s.id()) : "";
    return """
        <!doctype html><html><head><meta charset="utf-8"><title>Checkout emulator</title></head><body>
        <h1>Checkout emulator</h1><p>No money moves: this page plays Stripe Checkout for a local service.</p>
        <p><b>%s</b>: %s</p><p>Session %s: %s, %s</p>%s</body></html>"""
        .formatted(escape(s.description()), amount, s.id(), s.status(), s.paymentStatus(), buttons);
  }

  @PostMapping(value = "/checkout-emulator/pay", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> pay(HttpServletRequest request, @RequestParam("session") String sessionId,
      @RequestParam("outcome") String outcome) {
    session(sessionId);
    String type = switch (outcome) {
      case "paid" -> emulator.complete(sessionId, true) ? "checkout.session.completed" : null;
      case "pending" -> emulator.complete(sessionId, false) ? "checkout.session.completed" : null;
      case "settle" -> emulator.settle(sessionId) ? "checkout.session.async_payment_succeeded" : null;
      case "fail" -> session(sessionId).paymentStatus().equals("unpaid")
          && session(sessionId).status().equals("complete") ? "checkout.session.async_payment_failed" : null;
      case "expire" -> emulator.expire(sessionId) ? "checkout.session.expired" : null;
      default -> throw new DistributionException(ErrorCode.MALFORMED_REQUEST,
          "outcome must be paid, pending, settle, fail or expire");
    };
    CheckoutEmulator.Emulated s = session(sessionId);
    var answer = new LinkedHashMap<String, Object>();
    answer.put("session", s.id());
    answer.put("status", s.status());
    answer.put("payment_status", s.paymentStatus());
    if (type == null) {
      throw new DistributionException(ErrorCode.ILLEGAL_TRANSITION,
          "the session is " + s.status() + "/" + s.paymentStatus() + "; '" + outcome + "' does not apply");
    }
    answer.put("event_type", type);
    answer.put("webhook_status", post(request, event(type, s)));
    return answer;
  }

  private CheckoutEmulator.Emulated session(String sessionId) {
    return emulator.find(sessionId)
        .orElseThrow(() -> new DistributionException(ErrorCode.NOT_FOUND, "no such checkout session"));
  }

  /** A Stripe-format event carrying the session as Stripe would serialize it. */
  private String event(String type, CheckoutEmulator.Emulated s) {
    var session = new StripeEvents.Session(s.id(), s.transfer().toString(), s.amount(), s.currency(), s.status(),
        s.paymentStatus(), s.createdAt().getEpochSecond(), s.expiresAt().getEpochSecond());
    return StripeEvents.event("evt_emu_" + HexFormat.of().formatHex(randomBytes(12)), type, session.json(),
        clock.instant().getEpochSecond());
  }

  private int post(HttpServletRequest request, String payload) {
    long timestamp = clock.instant().getEpochSecond();
    String signature = StripeEvents.signatureHeader(payload, secret.value(), timestamp);
    URI webhook = URI.create("http://127.0.0.1:" + request.getLocalPort() + basePath + "/payments-stripe-webhook");
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook)
          .header("Content-Type", "application/json; charset=utf-8")
          .header("Stripe-Signature", signature)
          .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("the emulator could not reach the webhook endpoint", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
