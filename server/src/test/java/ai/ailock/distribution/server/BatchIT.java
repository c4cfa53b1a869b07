package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A transfer driven through {@code ailock-batch} (issue 6); payment by the Stripe webhook, the grant over HTTP. */
class BatchIT extends DeliveryServer {

  private JsonNode batch(TestAilock caller, String traceId, List<Map<String, Object>> ops) {
    Market.Answer answer = market.post(caller, "ailock-batch", Map.of("trace_id", traceId, "ops", ops));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().get("trace_id").asString()).isEqualTo(traceId);
    return answer.body().get("results");
  }

  private static Map<String, Object> op(String id, String op, Map<String, Object> args) {
    return Map.of("id", id, "op", op, "args", args);
  }

  @Test
  void offerConfirmTicketAndRevokeThroughTheBatch() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    String productId = market.publishedProduct(seller, Market.pricedPolicy(1500, "usd"));
    Map<String, Object> init = op("init-" + productId, "init_product_transfer", Map.of("product_id", productId,
        "recipient", buyer.ailockId(), "policy", Map.of("download_limit", 2)));

    JsonNode first = batch(seller, "trace-batch-" + productId, List.of(init,
        op("bad", "init_product_transfer", Map.of("product_id", productId, "recipient", seller.ailockId()))));
    JsonNode replayed = batch(seller, "trace-batch-2", List.of(init));

    assertThat(first.get(0).get("ok").asBoolean()).as(first.toString()).isTrue();
    String id = first.get(0).path("result").get("transfer_id").asString();
    assertThat(first.get(1).get("code").asString()).isEqualTo("offer_to_self");
    assertThat(replayed.get(0).get("replayed").asBoolean()).isTrue();
    assertThat(replayed.get(0).path("result").get("transfer_id").asString()).isEqualTo(id);
    assertThat(jdbc.sql("SELECT count(*) FROM dist_product_transfers WHERE product_id = ?::uuid").param(productId)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT trace_id FROM dist_outbox WHERE aggregate_key = ? AND type = 'product_offer'")
        .param(id).query(String.class).single()).isEqualTo("trace-batch-" + productId);

    JsonNode notYet = batch(buyer, "t1", List.of(op("c1", "confirm_payment", Map.of("transfer_id", id))));
    assertThat(notYet.get(0).get("code").asString()).isEqualTo("not_paid");

    var checkout = Market.commerce(buyer).invoice(id);
    assertThat(outcome(deliver("evt_batch_" + id, "checkout.session.completed",
        STRIPE.complete(checkout.sessionId(), "paid")))).isEqualTo("fulfilled");
    JsonNode paid = batch(buyer, "t2", List.of(op("c2", "confirm_payment", Map.of("transfer_id", id))));
    assertThat(paid.get(0).path("result").get("state").asString()).isEqualTo("paid");

    var deal = new Deal(seller, buyer, id, productId, checkout.sessionId(), new byte[32]);
    grant(deal);
    JsonNode tickets = batch(buyer, "t3", List.of(op("k1", "get_delivery_ticket", Map.of("transfer_id", id)),
        op("k2", "ack_delivery", Map.of("transfer_id", id))));
    assertThat(tickets.get(0).path("result").get("claim_token").asString()).isNotBlank();
    assertThat(tickets.get(1).get("code").asString()).isEqualTo("validation_failed");
    assertThat(tickets.get(1).get("violations").get(0).get("pointer").asString()).isEqualTo("/receipt");

    JsonNode revoked = batch(seller, "t4", List.of(op("r1", "revoke_access", Map.of("transfer_id", id,
        "reason", "agreed refund"))));
    assertThat(revoked.get(0).path("result").get("state").asString()).isEqualTo("revoked");
    assertThat(state(deal)).isEqualTo("revoked");
  }
}
