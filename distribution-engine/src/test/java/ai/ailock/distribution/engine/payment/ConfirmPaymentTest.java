package ai.ailock.distribution.engine.payment;

import static ai.ailock.distribution.engine.fixtures.CommerceFixture.event;
import static ai.ailock.distribution.engine.fixtures.CommerceFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.fixtures.CommerceFixture;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmPaymentTest {
  final CommerceFixture fixture = new CommerceFixture();
  final String session;
  final ai.ailock.distribution.engine.transfer.TransferId transfer;

  ConfirmPaymentTest() {
    transfer = fixture.offered(new ProductPolicy(7, 1, new Price(1500, "usd"), List.of())).id();
    session = fixture.invoiceTransfer().invoice(fixture.buyer(), transfer).intent().providerRef();
  }

  TransferState state() {
    return fixture.transfers().find(transfer).orElseThrow().state();
  }

  @Test
  void fulfilsOncePerEventId() {
    PaymentEvent paid = event("evt_1", PaymentEvent.Kind.PAID, session, 1500, "usd");
    assertThat(fixture.confirmPayment().confirm(paid, webhook()).code()).isEqualTo("fulfilled");
    assertThat(fixture.confirmPayment().confirm(paid, webhook()).code()).isEqualTo(PaymentOutcome.DUPLICATE);
    assertThat(state()).isEqualTo(TransferState.PAID);
    assertThat(fixture.engine().audit().entries("transfer.paid")).hasSize(1);
    assertThat(fixture.payments().outcome("evt_1")).contains("fulfilled");
  }

  @Test
  void aSecondEventForTheSamePaidSessionIsAlreadyPaid() {
    fixture.confirmPayment().confirm(event("evt_1", PaymentEvent.Kind.PAID, session, 1500, "usd"), webhook());
    assertThat(fixture.confirmPayment().confirm(event("evt_2", PaymentEvent.Kind.PAID, session, 1500, "usd"),
        webhook()).code()).isEqualTo("already_paid");
  }

  @Test
  void anAmountOrCurrencyMismatchFulfilsNothing() {
    assertThat(fixture.confirmPayment().confirm(event("evt_1", PaymentEvent.Kind.PAID, session, 150, "usd"),
        webhook()).code()).isEqualTo("amount_mismatch");
    assertThat(fixture.confirmPayment().confirm(event("evt_2", PaymentEvent.Kind.PAID, session, 1500, "gbp"),
        webhook()).code()).isEqualTo("amount_mismatch");
    assertThat(state()).isEqualTo(TransferState.INVOICED);
    assertThat(fixture.engine().audit().entries("payment.amount_mismatch")).hasSize(2);
  }

  @Test
  void failureAndExpiryCloseTheIntentButNotTheTransfer() {
    assertThat(fixture.confirmPayment().confirm(event("evt_f", PaymentEvent.Kind.FAILED, session, 1500, "usd"),
        webhook()).code()).isEqualTo("payment_failed");
    assertThat(state()).isEqualTo(TransferState.INVOICED);
    assertThat(fixture.payments().intents().latest(transfer).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);

    String second = fixture.invoiceTransfer().invoice(fixture.buyer(), transfer).intent().providerRef();
    assertThat(second).isNotEqualTo(session);
    assertThat(fixture.payments().idempotencyKeys()).last().asString().endsWith("-attempt-2");
    assertThat(fixture.confirmPayment().confirm(event("evt_x", PaymentEvent.Kind.EXPIRED, second, 1500, "usd"),
        webhook()).code()).isEqualTo("checkout_expired");
    assertThat(fixture.payments().intents().latest(transfer).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
  }

  @Test
  void aPaymentThroughAnotherSessionOfAPaidTransferIsRefusedNotApplied() {
    fixture.confirmPayment().confirm(event("evt_f", PaymentEvent.Kind.FAILED, session, 1500, "usd"), webhook());
    String second = fixture.invoiceTransfer().invoice(fixture.buyer(), transfer).intent().providerRef();
    fixture.confirmPayment().confirm(event("evt_2", PaymentEvent.Kind.PAID, second, 1500, "usd"), webhook());

    assertThat(fixture.confirmPayment().confirm(event("evt_1", PaymentEvent.Kind.PAID, session, 1500, "usd"),
        webhook()).code()).isEqualTo("refused_illegal_transition");
    assertThat(fixture.transfers().find(transfer).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void recordsEventsForSessionsItDoesNotKnow() {
    assertThat(fixture.confirmPayment().confirm(event("evt_u", PaymentEvent.Kind.PAID, "cs_other", 1, "usd"),
        webhook()).code()).isEqualTo("unknown_session");
  }

  @Test
  void theReconcilerAppliesWhatTheProviderSaysAboutOldOpenSessions() {
    fixture.payments().session(session, CheckoutSession.Status.COMPLETE, true);
    assertThat(fixture.reconcilePayments().reconcile(10)).as("too young to ask about").isZero();

    fixture.engine().clock().advance(java.time.Duration.ofMinutes(11));
    assertThat(fixture.reconcilePayments().reconcile(10)).isEqualTo(1);
    assertThat(state()).isEqualTo(TransferState.PAID);
    assertThat(fixture.reconcilePayments().reconcile(10)).isZero();
  }

  @Test
  void theReconcilerSurvivesAProviderOutage() {
    fixture.engine().clock().advance(java.time.Duration.ofMinutes(11));
    fixture.payments().providerDown(true);
    assertThat(fixture.reconcilePayments().reconcile(10)).isZero();
    assertThat(state()).isEqualTo(TransferState.INVOICED);
  }
}
