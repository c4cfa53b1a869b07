package ai.ailock.distribution.engine.refund;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordRefundTest {
  final DeliveryFixture fixture = new DeliveryFixture();

  RecordRefund recordRefund() {
    var c = fixture.commerce();
    return new RecordRefund(c.changes(), c.transfers(), c.payments().intents(), c.payments().providerPayments(),
        c.payments().events(), fixture.destroyAccess(), fixture.engine().audit(), "stripe", fixture.engine().clock());
  }

  @Test
  void aFullRefundEndsAccessAtOnce() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(2, List.of()));
    fixture.open(ticket);
    String pi = "pi_" + ticket.transfer().id();

    var outcome = recordRefund().record(new RefundEvent("evt_r1", "charge.refunded", pi, null, 1500, 1500, "usd"),
        DeliveryFixture.internal());

    assertThat(outcome.code()).isEqualTo("refunded");
    assertThat(fixture.transfer(ticket.transfer().id()).state()).isEqualTo(TransferState.REFUNDED);
    assertThat(fixture.ports().keys().find(ticket.transfer().id()).orElseThrow().destroyed()).isTrue();
    assertRefused(() -> fixture.fetch(ticket, 0, null), ErrorCode.ACCESS_REVOKED);
    assertThat(fixture.commerce().payments().intents().latest(ticket.transfer().id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(recordRefund().record(new RefundEvent("evt_r1", "charge.refunded", pi, null, 1500, 1500, "usd"),
        DeliveryFixture.internal()).code()).isEqualTo("duplicate_event");
  }

  @Test
  void aPartialRefundIsRecordedAndAccessStays() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(2, List.of()));
    String pi = "pi_" + ticket.transfer().id();

    var outcome = recordRefund().record(new RefundEvent("evt_p1", "charge.refunded", pi, null, 1500, 500, "usd"),
        DeliveryFixture.internal());

    assertThat(outcome.code()).isEqualTo("partially_refunded");
    var intent = fixture.commerce().payments().intents().latest(ticket.transfer().id()).orElseThrow();
    assertThat(intent.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(fixture.commerce().payments().refunded(intent.id())).isEqualTo(500);
    assertThat(fixture.transfer(ticket.transfer().id()).state()).isEqualTo(TransferState.DELIVERED);
    assertThat(fixture.open(ticket).session()).isNotNull();
    assertThat(recordRefund().record(new RefundEvent("evt_p0", "charge.refunded", pi, null, 1500, 400, "usd"),
        DeliveryFixture.internal()).code()).as("an older, smaller total").isEqualTo("already_refunded");
  }

  @Test
  void aRefundOfAnUnknownChargeChangesNothing() {
    assertThat(recordRefund().record(new RefundEvent("evt_u", "charge.refunded", "pi_unknown", null, 100, 100, "usd"),
        DeliveryFixture.internal()).code()).isEqualTo("unknown_charge");
  }
}
