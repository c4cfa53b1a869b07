package ai.ailock.distribution.engine.dispute;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisputeTest {
  final DeliveryFixture fixture = new DeliveryFixture();

  RecordChargeDispute recordDispute() {
    var c = fixture.commerce();
    return new RecordChargeDispute(c.changes(), c.transfers(), c.payments().intents(),
        c.payments().providerPayments(), c.payments().events(), fixture.engine().audit(), "stripe",
        fixture.engine().clock());
  }

  AssembleEvidence evidence() {
    var e = fixture.engine();
    return new AssembleEvidence(fixture.commerce().changes(), e.products(), e.copies(), fixture.ports().receipts(),
        fixture.ports().sessions(), transfer -> e.audit().entries().stream()
            .filter(entry -> transfer.equals(entry.transferId())).toList());
  }

  @Test
  void theBuyerOpensADisputeAndNothingMoreIsReleased() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(2, List.of()));

    var disputed = new OpenDispute(fixture.commerce().changes(), fixture.throttle(), fixture.engine().clock())
        .open(fixture.buyer(), ticket.transfer().id(), "the archive is not what was described");

    assertThat(disputed.state()).isEqualTo(TransferState.DISPUTED);
    assertRefused(() -> fixture.open(ticket), ErrorCode.TRANSFER_DISPUTED);
    assertRefused(() -> fixture.issueTicket().ticket(fixture.buyer(), ticket.transfer().id()),
        ErrorCode.TRANSFER_DISPUTED);
    assertThat(fixture.engine().audit().entries("transfer.disputed").get(0).detail())
        .containsEntry("opened_by", "buyer");
  }

  @Test
  void aChargebackDisputesTheTransferOncePerEvent() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(2, List.of()));
    var event = new DisputeEvent("evt_d1", "charge.dispute.created", "dp_1", "pi_" + ticket.transfer().id(), 1500,
        "usd", "product_not_received");

    assertThat(recordDispute().record(event, DeliveryFixture.internal()).code()).isEqualTo("disputed");
    assertThat(recordDispute().record(event, DeliveryFixture.internal()).code()).isEqualTo("duplicate_event");
    assertThat(fixture.transfer(ticket.transfer().id()).state()).isEqualTo(TransferState.DISPUTED);
    assertThat(fixture.commerce().payments().intents().latest(ticket.transfer().id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.DISPUTED);
  }

  @Test
  void theEvidenceBundleHoldsTheReceiptAndTheDownloadAudit() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(2, List.of()));
    fixture.open(ticket);
    fixture.fetchAll(ticket, 1);
    fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(),
        fixture.receipt(ticket, "ab".repeat(32), fixture.engine().clock().instant()));

    EvidenceBundle bundle = evidence().assemble(fixture.seller(), ticket.transfer().id());

    assertThat(bundle.receipt()).isPresent();
    assertThat(bundle.sessions()).hasSize(1);
    assertThat(bundle.accessLog()).extracting(AuditEntry::action).contains("delivery.download_opened",
        "delivery.chunk_served", "delivery.download_completed").doesNotContain("delivery.key_deposited");
    assertThat(bundle.accessLog()).allSatisfy(entry -> assertThat(entry.actor())
        .isEqualTo(fixture.buyer().ailock().value()));
    assertThat(bundle.timeline()).extracting(AuditEntry::action).contains("transfer.paid", "transfer.delivered",
        "transfer.acknowledged");
    assertRefused(() -> evidence().assemble(fixture.stranger(), ticket.transfer().id()),
        ErrorCode.TRANSFER_NOT_FOUND);
    assertRefused(() -> evidence().assemble(fixture.buyer(), ticket.transfer().id()), ErrorCode.NOT_SELLER);
  }
}
