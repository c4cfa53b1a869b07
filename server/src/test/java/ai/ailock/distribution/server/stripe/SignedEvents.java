package ai.ailock.distribution.server.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe-format webhook events ({@link StripeEvents}), signed for real with the test secret and posted to the
 * service's {@code payments-stripe-webhook}.
 */
public final class SignedEvents {
  public static final String SECRET = "whsec_test_0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SignedEvents() {}

  /** @return an event of {@code type} carrying {@code session} as its data object */
  public static String event(String eventId, String type, ObjectNode session, long created) {
    return StripeEvents.event(eventId, type, session, created);
  }

  public static String signature(String payload, String secret, long timestamp) {
    return StripeEvents.signatureHeader(payload, secret, timestamp);
  }

  /** Posts {@code payload} with a signature header (or none, if null). */
  public static HttpResponse<String> post(int port, String payload, String signatureHeader) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/.netlify/functions/payments-stripe-webhook"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    if (signatureHeader != null) {
      request.header("Stripe-Signature", signatureHeader);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
