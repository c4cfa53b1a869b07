package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.payment.ReconcilePayments;
import ai.ailock.distribution.server.stripe.SignedEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code payments-stripe-webhook}: Stripe's signature over the raw body, at-most-once application per event id, the
 * session events in any order, amount and currency checks; and the reconciler for a webhook that never came.
 */
class StripeWebhookIT extends StripeStubbedServer {
  @Autowired
  JdbcClient jdbc;

  @Autowired
  ReconcilePayments reconcilePayments;

  /** An invoiced transfer (price 1500 usd) and its open Checkout Session at the stub. */
  record Invoiced(TestAilock seller, TestAilock buyer, String transferId, Checkout checkout) {}

  Invoiced invoiced() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    String id = market.offer(seller, buyer, Market.pricedPolicy(1500, "usd")).transferId();
    return new Invoiced(seller, buyer, id, Market.commerce(buyer).invoice(id));
  }

  TransferInfo transfer(Invoiced invoiced) {
    return Market.commerce(invoiced.buyer()).transfer(invoiced.transferId());
  }

  long audited(String transferId, String action) {
    return jdbc.sql("SELECT count(*) FROM dist_audit_log WHERE transfer_id = ?::uuid AND action = ?")
        .params(transferId, action).query(Long.class).single();
  }

  static String outcome(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ai.ailock.distribution.schemas.WireJson.mapper().readTree(response.body()).path("outcome").asString();
  }

  @Test
  void refusesAForgedSignatureWith400AndChangesNothing() {
    Invoiced invoiced = invoiced();
    long now = clock.instant().getEpochSecond();
    String payload = SignedEvents.event("evt_forged", "checkout.session.completed",
        STRIPE.complete(invoiced.checkout().sessionId(), "paid"), now);

    HttpResponse<String> forged = SignedEvents.post(port, payload, SignedEvents.signature(payload, "whsec_wrong", now));
    HttpResponse<String> unsigned = SignedEvents.post(port, payload, null);
    HttpResponse<String> tampered = SignedEvents.post(port, payload.replace("1500", "1"),
        SignedEvents.signature(payload, SignedEvents.SECRET, now));

    for (HttpResponse<String> response : List.of(forged, unsigned, tampered)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("webhook_signature_invalid");
    }
    assertThat(transfer(invoiced).state()).isEqualTo("invoiced");
  }

  @Test
  void refusesATimestampOutsideTheTolerance() {
    Invoiced invoiced = invoiced();
    long old = clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond();
    String payload = SignedEvents.event("evt_old", "checkout.session.completed",
        STRIPE.complete(invoiced.checkout().sessionId(), "paid"), old);

    HttpResponse<String> stale = SignedEvents.post(port, payload, SignedEvents.signature(payload, SignedEvents.SECRET,
        old));

    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(transfer(invoiced).state()).isEqualTo("invoiced");
  }

  @Test
  void acknowledgesTypesItIgnores() {
    ObjectNode customer = ai.ailock.distribution.schemas.WireJson.mapper().createObjectNode()
        .put("id", "cus_1").put("object", "customer");
    assertThat(outcome(deliver("evt_customer", "customer.created", customer))).isEqualTo("ignored");
  }

  @Test
  void twentyConcurrentDuplicatesOfThePaidEventMakeOneTransition() throws Exception {
    Invoiced invoiced = invoiced();
    long now = clock.instant().getEpochSecond();
    String payload = SignedEvents.event("evt_dup_" + invoiced.transferId(), "checkout.session.completed",
        STRIPE.complete(invoiced.checkout().sessionId(), "paid"), now);
    String signature = SignedEvents.signature(payload, SignedEvents.SECRET, now);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return SignedEvents.post(port, payload, signature);
        }, pool));
      }
      start.countDown();
      Map<String, Long> outcomes = calls.stream().map(CompletableFuture::join).map(StripeWebhookIT::outcome)
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(outcomes).containsEntry("fulfilled", 1L).containsEntry("duplicate_event", 19L);
    } finally {
      pool.shutdownNow();
    }
    TransferInfo paid = transfer(invoiced);
    assertThat(paid.state()).isEqualTo("paid");
    assertThat(paid.json().path("version").asLong()).isEqualTo(2); // offered → invoiced → paid
    assertThat(audited(invoiced.transferId(), "transfer.paid")).isEqualTo(1);
    // Stripe may also send the same payment as a later event with another id: already paid, nothing changes.
    assertThat(outcome(deliver("evt_again_" + invoiced.transferId(), "checkout.session.async_payment_succeeded",
        STRIPE.session(invoiced.checkout().sessionId())))).isEqualTo("already_paid");
    assertThat(transfer(invoiced).json().path("version").asLong()).isEqualTo(2);
  }

  @Test
  void eventsOutOfOrderSettleOnPaid() {
    Invoiced invoiced = invoiced();
    String session = invoiced.checkout().sessionId();
    ObjectNode unpaid = STRIPE.complete(session, "unpaid");
    ObjectNode paid = STRIPE.complete(session, "paid");

    // The async success overtakes the completion it follows.
    assertThat(outcome(deliver("evt_ooo_succeeded_" + session, "checkout.session.async_payment_succeeded", paid)))
        .isEqualTo("fulfilled");
    assertThat(outcome(deliver("evt_ooo_completed_" + session, "checkout.session.completed", unpaid)))
        .isEqualTo("payment_pending");

    assertThat(transfer(invoiced).state()).isEqualTo("paid");
  }

  @Test
  void anAsyncPaymentThatFailsLeavesTheTransferInvoicedAndANewAttemptGetsANewSession() {
    Invoiced invoiced = invoiced();
    String session = invoiced.checkout().sessionId();
    ObjectNode unpaid = STRIPE.complete(session, "unpaid");
    assertThat(outcome(deliver("evt_pending_" + session, "checkout.session.completed", unpaid)))
        .isEqualTo("payment_pending");
    assertThat(transfer(invoiced).state()).isEqualTo("invoiced");

    assertThat(outcome(deliver("evt_failed_" + session, "checkout.session.async_payment_failed", unpaid)))
        .isEqualTo("payment_failed");
    TransferInfo failed = transfer(invoiced);
    assertThat(failed.state()).isEqualTo("invoiced");
    assertThat(failed.paymentStatus()).isEqualTo("failed");

    Checkout again = Market.commerce(invoiced.buyer()).invoice(invoiced.transferId());
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(again.sessionId()).isNotEqualTo(session);
    assertThat(STRIPE.requests()).anyMatch(r -> ("ailock-transfer-" + invoiced.transferId() + "-attempt-2")
        .equals(r.idempotencyKey()));
    assertThat(outcome(deliver("evt_retry_paid_" + session, "checkout.session.completed",
        STRIPE.complete(again.sessionId(), "paid")))).isEqualTo("fulfilled");
    assertThat(transfer(invoiced).state()).isEqualTo("paid");
  }

  @Test
  void anExpiredSessionIsClosedAndTheNextInvoiceStartsAnotherAttempt() {
    Invoiced invoiced = invoiced();
    String session = invoiced.checkout().sessionId();

    assertThat(outcome(deliver("evt_expired_" + session, "checkout.session.expired", STRIPE.expire(session))))
        .isEqualTo("checkout_expired");

    assertThat(transfer(invoiced).paymentStatus()).isEqualTo("expired");
    assertThat(Market.commerce(invoiced.buyer()).invoice(invoiced.transferId()).attempt()).isEqualTo(2);
  }

  @Test
  void anAmountOrCurrencyMismatchFulfilsNothingAndIsRecorded() {
    Invoiced invoiced = invoiced();
    String session = invoiced.checkout().sessionId();
    ObjectNode paid = STRIPE.complete(session, "paid");

    assertThat(outcome(deliver("evt_short_" + session, "checkout.session.completed",
        paid.deepCopy().put("amount_total", 1499)))).isEqualTo("amount_mismatch");
    assertThat(outcome(deliver("evt_eur_" + session, "checkout.session.completed",
        paid.deepCopy().put("currency", "eur")))).isEqualTo("amount_mismatch");

    assertThat(transfer(invoiced).state()).isEqualTo("invoiced");
    assertThat(audited(invoiced.transferId(), "payment.amount_mismatch")).isEqualTo(2);
    assertThat(jdbc.sql("SELECT outcome FROM dist_webhook_events WHERE event_id = ?").param("evt_short_" + session)
        .query(String.class).single()).isEqualTo("amount_mismatch");
  }

  @Test
  void theReconcilerCatchesAPaymentWhoseWebhookNeverCame() {
    Invoiced invoiced = invoiced();
    STRIPE.complete(invoiced.checkout().sessionId(), "paid"); // paid at Stripe; the webhook is lost

    ((MutableClock) clock).advance(Duration.ofMinutes(11));
    reconcilePayments.reconcile(100);

    TransferInfo paid = transfer(invoiced);
    assertThat(paid.state()).isEqualTo("paid");
    assertThat(paid.paymentStatus()).isEqualTo("paid");
    assertThat(STRIPE.requests()).anyMatch(r -> r.method().equals("GET")
        && r.path().equals("/v1/checkout/sessions/" + invoiced.checkout().sessionId()));
    // The webhook arriving late changes nothing.
    assertThat(outcome(deliver("evt_late_" + invoiced.transferId(), "checkout.session.completed",
        STRIPE.session(invoiced.checkout().sessionId())))).isEqualTo("already_paid");
  }
}
