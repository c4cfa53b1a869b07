package ai.ailock.distribution.server.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe-format webhook events, signed for real: {@code Stripe-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, t + "." + payload)>}, posted to the service's {@code payments-stripe-webhook}.
 */
public final class SignedEvents {
  public static final String SECRET = "whsec_test_0123456789abcdef";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SignedEvents() {}

  /** @return an event of {@code type} carrying {@code session} as its data object */
  public static String event(String eventId, String type, ObjectNode session, long created) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId).put("object", "event").put("api_version", com.stripe.Stripe.API_VERSION)
        .put("created", created).put("livemode", false).put("pending_webhooks", 1).put("type", type);
    event.putObject("request").putNull("id").putNull("idempotency_key");
    event.putObject("data").set("object", session);
    return event.toString();
  }

  public static String signature(String payload, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] v1 = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(v1);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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
