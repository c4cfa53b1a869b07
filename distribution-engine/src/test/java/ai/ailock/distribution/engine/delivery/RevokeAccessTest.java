package ai.ailock.distribution.engine.delivery;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevokeAccessTest {
  final DeliveryFixture fixture = new DeliveryFixture();

  @Test
  void revocationShredsTheEnvelopeAndStopsClaimsAndSessionsAtOnce() {
    DeliveryTicket running = fixture.delivered(DeliveryFixture.policy(3, List.of()));
    fixture.open(running);
    DeliveryTicket unredeemed = fixture.issueTicket().ticket(fixture.buyer(), running.transfer().id());

    fixture.revokeAccess().revoke(fixture.seller(), running.transfer().id(), "license breach");

    assertThat(fixture.transfer(running.transfer().id()).state()).isEqualTo(TransferState.REVOKED);
    DepositedKey key = fixture.ports().keys().find(running.transfer().id()).orElseThrow();
    assertThat(key.envelope()).isNull();
    assertThat(key.destroyedAt()).isNotNull();
    assertRefused(() -> fixture.fetch(running, 0, null), ErrorCode.ACCESS_REVOKED);
    assertRefused(() -> fixture.open(unredeemed), ErrorCode.ACCESS_REVOKED);
    assertRefused(() -> fixture.issueTicket().ticket(fixture.buyer(), running.transfer().id()),
        ErrorCode.ACCESS_REVOKED);
    assertThat(fixture.engine().audit().entries("delivery.access_destroyed").get(0).detail())
        .containsEntry("envelope_destroyed", "true").containsEntry("claims_revoked", "2")
        .containsEntry("sessions_revoked", "1");
  }

  @Test
  void onlyTheSellerRevokesAndNotAnAcknowledgedTransfer() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    assertRefused(() -> fixture.revokeAccess().revoke(fixture.buyer(), ticket.transfer().id(), "x"),
        ErrorCode.NOT_SELLER);
    fixture.open(ticket);
    fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(),
        fixture.receipt(ticket, "ab".repeat(32), fixture.engine().clock().instant()));
    assertRefused(() -> fixture.revokeAccess().revoke(fixture.seller(), ticket.transfer().id(), "x"),
        ErrorCode.ILLEGAL_TRANSITION);
  }

  @Test
  void aShreddedKeyCannotBeDepositedAgain() {
    var paid = fixture.paid();
    fixture.depositKey().deposit(fixture.seller(), paid.id(), fixture.depositFor(paid));
    fixture.revokeAccess().revoke(fixture.seller(), paid.id(), "changed my mind");
    assertRefused(() -> fixture.depositKey().deposit(fixture.seller(), paid.id(), fixture.depositFor(paid)),
        ErrorCode.ACCESS_REVOKED);
  }

  @Test
  void aPolicyRevokesWhereTheTableAllowsAndDestroysAccessEitherWay() {
    DeliveryTicket delivered = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    assertThat(fixture.revokeAccess().revokeByPolicy(delivered.transfer().id(), "license_breach",
        DeliveryFixture.internal())).map(t -> t.state()).contains(TransferState.REVOKED);
    assertThat(fixture.engine().audit().entries("transfer.revoked").get(0).actor()).isEqualTo("policy:license_breach");

    DeliveryTicket acknowledged = fixture.delivered(DeliveryFixture.policy(1, List.of()));
    fixture.open(acknowledged);
    fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), acknowledged.transfer().id(),
        fixture.receipt(acknowledged, "ab".repeat(32), fixture.engine().clock().instant()));
    assertThat(fixture.revokeAccess().revokeByPolicy(acknowledged.transfer().id(), "license_breach",
        DeliveryFixture.internal())).isEmpty();
    assertThat(fixture.ports().keys().find(acknowledged.transfer().id()).orElseThrow().destroyed()).isTrue();
    assertThat(fixture.transfer(acknowledged.transfer().id()).state()).isEqualTo(TransferState.ACKNOWLEDGED);
  }
}
