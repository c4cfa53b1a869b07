package ai.ailock.distribution.engine.ratelimit;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.transfer.Transfer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  final DeliveryFixture fixture = new DeliveryFixture(Map.of(
      ThrottledAction.TICKET, new RateLimit(2, 1),
      ThrottledAction.CLAIM, new RateLimit(1, 1)));

  @Test
  void aBuyerPastItsTicketBudgetIsRefusedWithTheWaitAndGetsNoClaim() {
    // the grant's own ticket is the seller's action and draws nothing from the buyer's budget
    DeliveryTicket first = fixture.delivered(DeliveryFixture.policy(3, List.of()));
    Transfer transfer = first.transfer();
    fixture.issueTicket().ticket(fixture.buyer(), transfer.id());
    DeliveryTicket third = fixture.issueTicket().ticket(fixture.buyer(), transfer.id());

    DistributionException refusal = assertRefused(() -> fixture.issueTicket().ticket(fixture.buyer(), transfer.id()),
        ErrorCode.RATE_LIMITED);

    assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(refusal.getMessage()).contains("ticket").contains("at most 2 at once").contains("1 a minute");
    assertThat(fixture.engine().audit().actions()).filteredOn("delivery.claim_issued"::equals).hasSize(3);
    assertThat(third.claimToken()).isNotEqualTo(first.claimToken());

    fixture.engine().clock().advance(Duration.ofSeconds(60));
    assertThat(fixture.issueTicket().ticket(fixture.buyer(), transfer.id()).transfer().id()).isEqualTo(transfer.id());
  }

  @Test
  void refusedAttemptsCountTooWhenNoTransactionSurroundsThem() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(3, List.of()));
    fixture.open(ticket);

    assertRefused(() -> fixture.open(ticket), ErrorCode.RATE_LIMITED);
    fixture.engine().clock().advance(Duration.ofSeconds(60));
    assertRefused(() -> fixture.open(ticket), ErrorCode.CLAIM_ALREADY_USED);
    assertRefused(() -> fixture.open(ticket), ErrorCode.RATE_LIMITED);
  }

  @Test
  void anActionWithoutALimitIsNotLimited() {
    for (int i = 0; i < 100; i++) {
      fixture.throttle().take(fixture.seller().ailock(), ThrottledAction.REVOKE);
    }
    assertRefused(() -> {
      for (int i = 0; i < 3; i++) {
        fixture.throttle().take(fixture.seller().ailock(), ThrottledAction.TICKET);
      }
    }, ErrorCode.RATE_LIMITED);
  }

  @Test
  void forgetsBucketsThatAreFullAgain() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(3, List.of()));
    fixture.issueTicket().ticket(fixture.buyer(), ticket.transfer().id());

    assertThat(fixture.throttle().forgetFullBuckets()).isZero();
    fixture.engine().clock().advance(Duration.ofMinutes(2).plusSeconds(1));
    assertThat(fixture.throttle().forgetFullBuckets()).isEqualTo(1);
  }
}
