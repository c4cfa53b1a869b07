package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.ratelimit.Throttle;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rate limits (plan §8) over HTTP and {@code ailock-batch}, on buckets in PostgreSQL: here a buyer may ask for two
 * tickets at once and one more a minute.
 */
@TestPropertySource(properties = {"ailock.distribution.delivery.rate-limits.ticket.burst=2",
    "ailock.distribution.delivery.rate-limits.ticket.per-minute=1"})
class RateLimitIT extends DeliveryServer {
  @Autowired
  Throttle throttle;

  @Test
  void aBuyerPastItsBudgetGets429WithRetryAfterAndNoClaim() {
    Deal deal = paid(policy(3), false);
    grant(deal);
    ticket(deal);
    ticket(deal);

    Market.Raw refused = market.postRaw(deal.buyer(), "products-ticket", Map.of("transfer_id", deal.id()), Map.of());

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    JsonNode problem = WireJson.mapper().readTree(refused.body());
    assertThat(problem.path("code").asString()).isEqualTo("rate_limited");
    assertThat(problem.path("type").asString()).isEqualTo("urn:ailock:distribution:problem:rate_limited");
    assertThat(problem.path("retry_after_seconds").asLong()).isEqualTo(60);
    assertThat(claimsOf(deal)).as("the grant's claim and two tickets' claims").isEqualTo(3);

    ((MutableClock) clock).advance(Duration.ofSeconds(60));
    ticket(deal);
    assertThat(claimsOf(deal)).isEqualTo(4);
  }

  @Test
  void eachAilockHasItsOwnBudget() {
    Deal first = paid(policy(3), false);
    Deal second = paid(policy(3), false);
    grant(first);
    grant(second);
    ticket(first);
    ticket(first);
    assertThat(market.post(first.buyer(), "products-ticket", Map.of("transfer_id", first.id())).status())
        .isEqualTo(429);

    ticket(second);
    ticket(second);
  }

  @Test
  void theBatchOpDrawsOnTheSameBudget() {
    Deal deal = paid(policy(3), false);
    grant(deal);
    ticket(deal);
    ticket(deal);

    Market.Answer batch = market.post(deal.buyer(), "ailock-batch", Map.of("ops", List.of(
        Map.of("id", "t1", "op", "get_delivery_ticket", "args", Map.of("transfer_id", deal.id())))));

    assertThat(batch.status()).isEqualTo(200);
    JsonNode result = batch.body().path("results").path(0);
    assertThat(result.path("ok").asBoolean()).isFalse();
    assertThat(result.path("code").asString()).isEqualTo("rate_limited");
    assertThat(claimsOf(deal)).isEqualTo(3);
  }

  @Test
  void bucketsThatHaveRefilledAreForgotten() {
    Deal deal = paid(policy(3), false);
    grant(deal);
    ticket(deal);
    assertThat(bucketsOf(deal)).isEqualTo(1);
    throttle.forgetFullBuckets();
    assertThat(bucketsOf(deal)).isEqualTo(1);

    ((MutableClock) clock).advance(Duration.ofMinutes(3));
    throttle.forgetFullBuckets();

    assertThat(bucketsOf(deal)).isZero();
  }

  private long claimsOf(Deal deal) {
    return jdbc.sql("SELECT count(*) FROM dist_claims WHERE transfer_id = ?::uuid").param(deal.id())
        .query(Long.class).single();
  }

  private long bucketsOf(Deal deal) {
    return jdbc.sql("SELECT count(*) FROM dist_rate_limits WHERE subject = ? AND action = 'ticket'")
        .param(deal.buyer().ailockId()).query(Long.class).single();
  }
}
