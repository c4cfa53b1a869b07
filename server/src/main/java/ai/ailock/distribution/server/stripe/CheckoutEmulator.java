package ai.ailock.distribution.server.stripe;

import ai.ailock.distribution.engine.payment.CheckoutRequest;
import ai.ailock.distribution.engine.payment.CheckoutSession;
import ai.ailock.distribution.engine.payment.PaymentGateway;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The local checkout emulator (design §3.6, single-node default): a {@link PaymentGateway} that creates Checkout
 * Sessions the way Stripe would (idempotent by key, ids {@code cs_emu_…}, the transfer id in metadata) and keeps them in
 * {@code dist_emulated_checkout_sessions}, so they survive restarts. Their URL points at the service's own
 * {@code checkout-emulator/pay} page; "paying" there completes the session and posts a correctly signed Stripe-format
 * event to the webhook endpoint ({@link CheckoutEmulatorFunctions}). Active only when no Stripe API key is configured.
 */
public final class CheckoutEmulator implements PaymentGateway {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String basePath;
  private final Duration sessionTtl;

  public CheckoutEmulator(JdbcClient jdbc, Clock clock, String basePath, Duration sessionTtl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.basePath = basePath;
    this.sessionTtl = sessionTtl;
  }

  /** One emulated session, as stored. */
  record Emulated(String id, TransferId transfer, long amount, String currency, String description, String status,
      String paymentStatus, Instant createdAt, Instant expiresAt) {}

  @Override
  public String provider() {
    return "stripe";
  }

  @Override
  public CheckoutSession createCheckout(CheckoutRequest request) {
    Instant now = clock.instant();
    jdbc.sql("""
            INSERT INTO dist_emulated_checkout_sessions (id, idempotency_key, transfer_id, amount, currency, description,
                                                         status, payment_status, created_at, expires_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'open', 'unpaid', ?, ?, ?)
            ON CONFLICT (idempotency_key) DO NOTHING""")
        .params(newSessionId(), request.idempotencyKey(), request.transferId().value(), request.price().amount(),
            request.price().currency(), request.description(), utc(now), utc(now.plus(sessionTtl)), utc(now))
        .update();
    Emulated session = jdbc.sql("SELECT * FROM dist_emulated_checkout_sessions WHERE idempotency_key = ?")
        .param(request.idempotencyKey()).query(CheckoutEmulator::map).single();
    return checkout(session);
  }

  @Override
  public Optional<CheckoutSession> findCheckout(String sessionId) {
    expireIfDue(sessionId);
    return find(sessionId).map(this::checkout);
  }

  Optional<Emulated> find(String sessionId) {
    return jdbc.sql("SELECT * FROM dist_emulated_checkout_sessions WHERE id = ?").param(sessionId)
        .query(CheckoutEmulator::map).optional();
  }

  /** Completes an open session. @return false if it was not open (already paid, failed or expired) */
  boolean complete(String sessionId, boolean paid) {
    return jdbc.sql("""
            UPDATE dist_emulated_checkout_sessions SET status = 'complete', payment_status = ?, updated_at = ?
            WHERE id = ? AND status = 'open' AND expires_at > ?""")
        .params(paid ? "paid" : "unpaid", utc(clock.instant()), sessionId, utc(clock.instant())).update() == 1;
  }

  /** Settles an asynchronous payment of a completed, unpaid session. @return false if there was none */
  boolean settle(String sessionId) {
    return jdbc.sql("""
            UPDATE dist_emulated_checkout_sessions SET payment_status = 'paid', updated_at = ?
            WHERE id = ? AND status = 'complete' AND payment_status = 'unpaid'""")
        .params(utc(clock.instant()), sessionId).update() == 1;
  }

  /** Expires an open session now. @return false if it was not open */
  boolean expire(String sessionId) {
    return jdbc.sql("""
            UPDATE dist_emulated_checkout_sessions SET status = 'expired', expires_at = LEAST(expires_at, ?),
                   updated_at = ?
            WHERE id = ? AND status = 'open'""")
        .params(utc(clock.instant()), utc(clock.instant()), sessionId).update() == 1;
  }

  private void expireIfDue(String sessionId) {
    jdbc.sql("UPDATE dist_emulated_checkout_sessions SET status = 'expired' WHERE id = ? AND status = 'open' "
        + "AND expires_at <= ?").params(sessionId, utc(clock.instant())).update();
  }

  private CheckoutSession checkout(Emulated s) {
    CheckoutSession.Status status = switch (s.status()) {
      case "complete" -> CheckoutSession.Status.COMPLETE;
      case "expired" -> CheckoutSession.Status.EXPIRED;
      default -> CheckoutSession.Status.OPEN;
    };
    String url = status == CheckoutSession.Status.OPEN ? payUrl(s.id()) : null;
    return new CheckoutSession(s.id(), url, status, "paid".equals(s.paymentStatus()), s.amount(), s.currency(),
        s.transfer().toString(), s.expiresAt());
  }

  /** The emulator's pay page on this service, as the current request reached it (else localhost:8080). */
  private String payUrl(String sessionId) {
    String origin = "http://localhost:8080";
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      var request = attributes.getRequest();
      origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }
    return origin + basePath + "/checkout-emulator/pay?session=" + sessionId;
  }

  private static String newSessionId() {
    var id = new StringBuilder("cs_emu_");
    for (int i = 0; i < 32; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Emulated map(ResultSet rs, int row) throws SQLException {
    return new Emulated(rs.getString("id"), new TransferId(rs.getObject("transfer_id", UUID.class)),
        rs.getLong("amount"), rs.getString("currency"), rs.getString("description"), rs.getString("status"),
        rs.getString("payment_status"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant());
  }
}
