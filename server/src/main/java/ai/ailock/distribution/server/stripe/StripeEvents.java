package ai.ailock.distribution.server.stripe;

import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's webhook wire format, for whoever plays Stripe's part (the local checkout emulator, tests, benchmarks): an
 * event envelope, the Checkout Session object it carries, and the {@code Stripe-Signature} header {@code t=<unix
 * seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>} that {@link StripeWebhooks} verifies.
 */
public final class StripeEvents {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StripeEvents() {}

  /** A Checkout Session as Stripe serializes it, naming the transfer in its metadata and client reference. */
  public record Session(String id, String transferId, long amount, String currency, String status,
      String paymentStatus, long created, long expiresAt) {
    public ObjectNode json() {
      ObjectNode session = JSON.createObjectNode();
      session.put("id", id);
      session.put("object", "checkout.session");
      session.put("amount_subtotal", amount);
      session.put("amount_total", amount);
      session.put("currency", currency);
      session.put("client_reference_id", transferId);
      session.putObject("metadata").put("transfer_id", transferId);
      session.put("mode", "payment");
      session.put("payment_status", paymentStatus);
      session.put("status", status);
      session.put("created", created);
      session.put("expires_at", expiresAt);
      session.put("livemode", false);
      session.putNull("url");
      return session;
    }
  }

  /** @return an event of {@code type} whose data object is {@code object}, as Stripe posts it */
  public static String event(String eventId, String type, ObjectNode object, long created) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("object", "event");
    event.put("api_version", Stripe.API_VERSION);
    event.put("created", created);
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.putObject("request").putNull("id").putNull("idempotency_key");
    event.put("type", type);
    event.putObject("data").set("object", object);
    return event.toString();
  }

  /** @return the {@code Stripe-Signature} header value for {@code payload} signed at {@code timestamp} */
  public static String signatureHeader(String payload, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] v1 = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(v1);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is required by the Java platform", e);
    }
  }
}
