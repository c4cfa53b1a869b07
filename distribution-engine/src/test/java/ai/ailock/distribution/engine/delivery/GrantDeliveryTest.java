package ai.ailock.distribution.engine.delivery;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.fixtures.TransferFixture;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput.Timing;
import ai.ailock.distribution.engine.product.RequiredInput.Type;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantDeliveryTest {
  final DeliveryFixture fixture = new DeliveryFixture();

  @Test
  void grantsAPaidTransferWithTheEnvelopeAndAClaimBoundToTheBuyer() {
    Transfer paid = fixture.paid();

    DeliveryTicket ticket = fixture.granted(paid);

    assertThat(fixture.transfer(paid.id()).state()).isEqualTo(TransferState.DELIVERED);
    assertThat(ticket.keyEnvelope()).isEqualTo(DeliveryFixture.envelope(7));
    assertThat(ticket.recipientKeyId()).isEqualTo(fixture.commerce().buyerAilock().keyId());
    assertThat(ticket.claimExpiresAt()).isEqualTo(fixture.engine().clock().instant().plus(Duration.ofMinutes(10)));
    ClaimToken token = fixture.tokens().read(ticket.claimToken());
    assertThat(token.subject()).isEqualTo(paid.buyer());
    assertThat(token.keyThumbprint()).isEqualTo(KeyThumbprint.of(fixture.commerce().buyerAilock().keys().publicKey()));
    Claim claim = fixture.ports().claims().find(token.jti()).orElseThrow();
    assertThat(claim.tokenSha256()).isEqualTo(Tickets.hash(ticket.claimToken())).doesNotContain(ticket.claimToken());
    assertThat(fixture.engine().audit().actions()).contains("delivery.key_deposited", "transfer.delivered",
        "delivery.claim_issued");
  }

  @Test
  void refusesToGrantBeforePaymentAndKeepsNothing() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));

    assertRefused(() -> fixture.granted(offered), ErrorCode.NOT_PAID);
    assertThat(fixture.ports().keys().find(offered.id())).isEmpty();
    assertThat(fixture.transfer(offered.id()).state()).isEqualTo(TransferState.OFFERED);
  }

  @Test
  void refusesToGrantWhilePostPaymentInputsAreMissingAndNamesThem() {
    ProductPolicy policy = DeliveryFixture.policy(1,
        List.of(TransferFixture.input("website", Type.URL, Timing.POST_PAYMENT_PRE_GRANT, true)));
    Transfer pending = fixture.paid(policy);
    assertThat(pending.state()).isEqualTo(TransferState.PAID_PENDING_INPUTS);

    DistributionException refusal = assertRefused(() -> fixture.granted(pending), ErrorCode.MISSING_INPUTS);
    assertThat(refusal.missingInputs()).containsExactly("website");
  }

  @Test
  void onlyTheSellerGrants() {
    Transfer paid = fixture.paid();
    assertRefused(() -> fixture.grantDelivery().grant(fixture.buyer(), paid.id(), fixture.depositFor(paid)),
        ErrorCode.NOT_SELLER);
  }

  @Test
  void refusesAnEnvelopeOfTheWrongSizeOrForAnotherKey() {
    Transfer paid = fixture.paid();
    DistributionException shortEnvelope = assertRefused(() -> fixture.grantDelivery().grant(fixture.seller(),
        paid.id(), new DepositKey.Deposit(new byte[79], fixture.commerce().buyerAilock().keyId())),
        ErrorCode.VALIDATION_FAILED);
    assertThat(shortEnvelope.violations()).extracting(v -> v.pointer()).containsExactly("/key_envelope");
    DistributionException otherKey = assertRefused(() -> fixture.grantDelivery().grant(fixture.seller(), paid.id(),
        new DepositKey.Deposit(DeliveryFixture.envelope(1), fixture.commerce().sellerAilock().keyId())),
        ErrorCode.VALIDATION_FAILED);
    assertThat(otherKey.violations()).extracting(v -> v.pointer()).containsExactly("/recipient_key_id");
  }

  @Test
  void grantWithoutAnyEnvelopeIsRefused() {
    Transfer paid = fixture.paid();
    assertRefused(() -> fixture.grantDelivery().grant(fixture.seller(), paid.id(), null), ErrorCode.KEY_NOT_DEPOSITED);
  }

  @Test
  void anEnvelopeDepositedAtOfferTimeIsGrantedByThePaymentFollowUpExactlyOnce() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    fixture.depositKey().deposit(fixture.seller(), offered.id(), fixture.depositFor(offered));
    assertThat(fixture.grantDelivery().grantDeposited(offered.id(), DeliveryFixture.internal())).isEmpty();

    String session = fixture.commerce().invoiceTransfer().invoice(fixture.buyer(), offered.id()).intent().providerRef();
    fixture.commerce().confirmPayment().confirm(ai.ailock.distribution.engine.fixtures.CommerceFixture.event("evt_p",
        ai.ailock.distribution.engine.payment.PaymentEvent.Kind.PAID, session, 1500, "usd"),
        DeliveryFixture.internal());

    assertThat(fixture.grantDelivery().grantDeposited(offered.id(), DeliveryFixture.internal()))
        .map(Transfer::state).contains(TransferState.DELIVERED);
    assertThat(fixture.grantDelivery().grantDeposited(offered.id(), DeliveryFixture.internal())).isEmpty();
    assertThat(fixture.engine().audit().entries("transfer.delivered")).hasSize(1);
  }

  @Test
  void aGrantLostAfterPaymentIsRecoveredByTheBuyersTicketRequestWithOneStateChange() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    fixture.depositKey().deposit(fixture.seller(), offered.id(), fixture.depositFor(offered));
    String session = fixture.commerce().invoiceTransfer().invoice(fixture.buyer(), offered.id()).intent().providerRef();
    fixture.commerce().confirmPayment().confirm(ai.ailock.distribution.engine.fixtures.CommerceFixture.event("evt_q",
        ai.ailock.distribution.engine.payment.PaymentEvent.Kind.PAID, session, 1500, "usd"),
        DeliveryFixture.internal());
    // the automatic grant never ran (crash); the transfer waits in paid with the key deposited
    fixture.commerce().transfers().loseNextUpdates(1);

    DeliveryTicket first = fixture.issueTicket().ticket(fixture.buyer(), offered.id());
    DeliveryTicket second = fixture.issueTicket().ticket(fixture.buyer(), offered.id());

    assertThat(first.transfer().state()).isEqualTo(TransferState.DELIVERED);
    assertThat(second.claimToken()).isNotEqualTo(first.claimToken());
    assertThat(fixture.engine().audit().entries("transfer.delivered")).hasSize(1);
    assertThat(fixture.grantDelivery().grantDeposited(offered.id(), DeliveryFixture.internal())).isEmpty();
  }

  @Test
  void grantingAgainIssuesAFreshTicketButRefusesAnotherEnvelope() {
    Transfer paid = fixture.paid();
    DeliveryTicket first = fixture.granted(paid);

    DeliveryTicket again = fixture.grantDelivery().grant(fixture.seller(), paid.id(), null);

    assertThat(again.claimToken()).isNotEqualTo(first.claimToken());
    assertRefused(() -> fixture.grantDelivery().grant(fixture.seller(), paid.id(), new DepositKey.Deposit(
        DeliveryFixture.envelope(9), fixture.commerce().buyerAilock().keyId())), ErrorCode.KEY_ALREADY_GRANTED);
    assertThat(fixture.engine().audit().entries("transfer.delivered")).hasSize(1);
  }

  @Test
  void theBuyerCannotGetATicketBeforePaymentOrWithoutAKey() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    assertRefused(() -> fixture.issueTicket().ticket(fixture.buyer(), offered.id()), ErrorCode.NOT_PAID);
    Transfer paid = fixture.paid();
    assertRefused(() -> fixture.issueTicket().ticket(fixture.buyer(), paid.id()), ErrorCode.KEY_NOT_DEPOSITED);
    assertRefused(() -> fixture.issueTicket().ticket(fixture.seller(), paid.id()), ErrorCode.NOT_RECIPIENT);
  }
}
