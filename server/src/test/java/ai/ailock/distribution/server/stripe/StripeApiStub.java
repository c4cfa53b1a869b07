package ai.ailock.distribution.server.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server that answers stripe-java like Stripe's API does for Checkout Sessions: {@code POST
 * /v1/checkout/sessions} (form-encoded, idempotent by {@code Idempotency-Key}: the same key replays the same session)
 * and {@code GET /v1/checkout/sessions/{id}} (404 {@code resource_missing} for an unknown id). It records every request
 * with its idempotency key, and lets a test move a session along (paid, unpaid, expired) without a webhook, as
 * Stripe's dashboard would. One per test JVM ({@link #shared()}).
 */
public final class StripeApiStub {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static @Nullable StripeApiStub shared;

  private final HttpServer server;
  private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> sessionByIdempotencyKey = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Clock clock = Clock.systemUTC();

  /** One request as the stub received it. */
  public record Recorded(String method, String path, @Nullable String idempotencyKey, @Nullable String authorization,
      Map<String, String> form) {}

  private StripeApiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/checkout/sessions", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread thread = new Thread(r, "stripe-api-stub");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  public static synchronized StripeApiStub shared() {
    if (shared == null) {
      try {
        shared = new StripeApiStub();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the Stripe API stub", e);
      }
    }
    return shared;
  }

  /** Dates new sessions with this clock (the service's, so expiry and signatures line up). */
  public void useClock(Clock clock) {
    this.clock = clock;
  }

  public String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** @return a copy of the session as Stripe would serialize it */
  public ObjectNode session(String id) {
    ObjectNode session = sessions.get(id);
    if (session == null) {
      throw new IllegalArgumentException("no session " + id);
    }
    synchronized (session) {
      return session.deepCopy();
    }
  }

  /** The buyer completed the checkout: {@code status=complete} with this {@code payment_status}. */
  public ObjectNode complete(String id, String paymentStatus) {
    return update(id, "complete", paymentStatus);
  }

  public ObjectNode expire(String id) {
    return update(id, "expired", "unpaid");
  }

  /**
   * A charge of the session's PaymentIntent after refunds totalling {@code amountRefunded}, as {@code charge.refunded}
   * carries it. The session must have been paid ({@link #complete}).
   */
  public ObjectNode refundedCharge(String sessionId, long amountRefunded) {
    ObjectNode session = session(sessionId);
    ObjectNode charge = JSON.createObjectNode();
    long amount = session.get("amount_total").asLong();
    charge.put("id", "ch_" + session.get("payment_intent").asString().substring(3)).put("object", "charge")
        .put("amount", amount).put("amount_captured", amount).put("amount_refunded", amountRefunded)
        .put("currency", session.get("currency").asString()).put("captured", true).put("paid", true)
        .put("refunded", amountRefunded >= amount).put("payment_intent", session.get("payment_intent").asString())
        .put("status", "succeeded").put("livemode", false).put("created", clock.instant().getEpochSecond());
    charge.putObject("metadata");
    return charge;
  }

  /** A dispute of the session's PaymentIntent, as {@code charge.dispute.created} carries it. */
  public ObjectNode dispute(String sessionId, String reason) {
    ObjectNode session = session(sessionId);
    String pi = session.get("payment_intent").asString();
    ObjectNode dispute = JSON.createObjectNode();
    dispute.put("id", "dp_" + pi.substring(3)).put("object", "dispute").put("amount", session.get("amount_total").asLong())
        .put("currency", session.get("currency").asString()).put("charge", "ch_" + pi.substring(3))
        .put("payment_intent", pi).put("reason", reason).put("status", "needs_response").put("livemode", false)
        .put("created", clock.instant().getEpochSecond());
    dispute.putObject("metadata");
    return dispute;
  }

  private ObjectNode update(String id, String status, String paymentStatus) {
    ObjectNode session = sessions.get(id);
    synchronized (session) {
      session.put("status", status).put("payment_status", paymentStatus);
      if ("paid".equals(paymentStatus) && !session.hasNonNull("payment_intent")) {
        session.put("payment_intent", "pi_test_" + HexFormat.of().formatHex(randomBytes(12)));
      }
      if (!"open".equals(status)) {
        session.putNull("url");
      }
      return session.deepCopy();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = form(body);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String path = exchange.getRequestURI().getPath();
      requests.add(new Recorded(exchange.getRequestMethod(), path, key, authorization, form));
      if (authorization == null || !authorization.startsWith("Bearer sk_")) {
        respond(exchange, 401, error("invalid_request_error", "Invalid API Key provided", null));
      } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/checkout/sessions")) {
        String id = key == null ? create(form) : sessionByIdempotencyKey.computeIfAbsent(key, k -> create(form));
        respond(exchange, 200, session(id).toString());
      } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/checkout/sessions/")) {
        ObjectNode session = sessions.get(path.substring("/v1/checkout/sessions/".length()));
        if (session == null) {
          respond(exchange, 404, error("invalid_request_error", "No such checkout.session", "resource_missing"));
        } else {
          synchronized (session) {
            respond(exchange, 200, session.toString());
          }
        }
      } else {
        respond(exchange, 404, error("invalid_request_error", "Unrecognized request URL", null));
      }
    }
  }

  private String create(Map<String, String> form) {
    String id = "cs_test_" + HexFormat.of().formatHex(randomBytes(16));
    long now = clock.instant().getEpochSecond();
    long quantity = Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
    long unitAmount = Long.parseLong(form.get("line_items[0][price_data][unit_amount]"));
    ObjectNode session = JSON.createObjectNode();
    session.put("id", id).put("object", "checkout.session");
    session.put("amount_subtotal", unitAmount * quantity).put("amount_total", unitAmount * quantity);
    session.put("currency", form.get("line_items[0][price_data][currency]"));
    session.put("client_reference_id", form.get("client_reference_id"));
    ObjectNode metadata = session.putObject("metadata");
    form.forEach((name, value) -> {
      if (name.startsWith("metadata[")) {
        metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
      }
    });
    session.put("mode", form.get("mode")).put("payment_status", "unpaid").put("status", "open");
    session.put("success_url", form.get("success_url")).put("cancel_url", form.get("cancel_url"));
    session.put("url", "https://checkout.stripe.test/c/pay/" + id);
    session.put("created", now).put("expires_at", now + 24 * 3600).put("livemode", false);
    sessions.put(id, session);
    return id;
  }

  private static Map<String, String> form(String body) {
    var form = new LinkedHashMap<String, String>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  private static String error(String type, String message, @Nullable String code) {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode inner = error.putObject("error").put("type", type).put("message", message);
    if (code != null) {
      inner.put("code", code);
    }
    return error.toString();
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_stub_" + HexFormat.of().formatHex(randomBytes(6)));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
