package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.server.inbox.InProcessInbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A transfer driven through the in-process inbox (issue 6): interactions in through {@code inbox-deliver}, the
 * service's messages out through the outbox, the relay and {@code inbox-poll}.
 */
class InboxIT extends DeliveryServer {
  @Autowired InProcessInbox inProcessInbox;

  private Market.Answer send(TestAilock sender, String messageId, String type, Map<String, Object> payload) {
    return market.post(sender, "inbox-deliver", Map.of("message_id", messageId, "type", type,
        "trace_id", "trace-" + messageId, "payload", payload));
  }

  /** @return every message for {@code ailock} about {@code transferId}, as {@code type} */
  private List<JsonNode> poll(TestAilock ailock, String transferId) {
    List<JsonNode> messages = new ArrayList<>();
    long cursor = 0;
    while (true) {
      Market.Answer answer = market.get(ailock, "inbox-poll", Map.of("after", Long.toString(cursor)));
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
      answer.body().get("messages").forEach(m -> {
        if (m.get("transfer_id").asString().equals(transferId)) {
          messages.add(m);
        }
      });
      if (answer.body().get("messages").isEmpty()) {
        return messages;
      }
      cursor = answer.body().get("next_cursor").asLong();
    }
  }

  private static List<String> types(List<JsonNode> messages) {
    return messages.stream().map(m -> m.get("type").asString()).toList();
  }

  @Test
  void aTransferOfferedAndDisputedThroughTheInboxTellsEachPartyOnce() {
    Listing listing = listed(Market.pricedPolicy(1500, "usd"));
    TestAilock seller = listing.seller();
    TestAilock buyer = listing.buyer();
    String productId = listing.productId();
    String messageId = "offer-" + productId;

    Market.Answer offered = send(seller, messageId, "product_offer", listing.offer());
    Market.Answer again = send(seller, messageId, "product_offer", listing.offer());

    assertThat(offered.status()).as(offered.body().toString()).isEqualTo(200);
    assertThat(offered.body().get("state").asString()).isEqualTo("offered");
    String id = offered.body().get("transfer_id").asString();
    assertThat(again.body().get("transfer_id").asString()).isEqualTo(id);
    assertThat(again.body().get("replayed").asBoolean()).isTrue();
    assertThat(jdbc.sql("SELECT count(*) FROM dist_product_transfers WHERE product_id = ?::uuid").param(productId)
        .query(Long.class).single()).isEqualTo(1);

    List<JsonNode> toBuyer = poll(buyer, id);
    assertThat(types(toBuyer)).containsExactly("product_offer");
    assertThat(toBuyer.get(0).path("payload").path("seller").asString()).isEqualTo(seller.ailockId());
    assertThat(toBuyer.get(0).path("trace_id").asString()).isEqualTo("trace-" + messageId);

    var checkout = Market.commerce(buyer).invoice(id);
    assertThat(outcome(deliver("evt_inbox_" + id, "checkout.session.completed",
        STRIPE.complete(checkout.sessionId(), "paid")))).isEqualTo("fulfilled");

    Market.Answer disputed = send(buyer, "dispute-" + id, "product_dispute", Map.of("transfer_id", id,
        "reason", "not what was described"));
    assertThat(disputed.status()).as(disputed.body().toString()).isEqualTo(200);
    assertThat(disputed.body().get("state").asString()).isEqualTo("disputed");

    List<JsonNode> buyerMessages = poll(buyer, id);
    assertThat(types(buyerMessages)).containsExactly("product_offer", "payment_request", "payment_confirmed");
    assertThat(buyerMessages.get(1).path("payload").path("checkout_url").asString())
        .isEqualTo(checkout.checkoutUrl());
    assertThat(types(poll(seller, id))).containsExactly("payment_confirmed", "product_dispute");
  }

  @Test
  void aDeliveryReceiptThroughTheInboxAcknowledgesAndTellsTheSeller() {
    Deal deal = paid(policy(1), false);
    JsonNode ticket = grant(deal);
    String token = ticket.get("claim_token").asString();
    Market.Answer opened = claim(deal.buyer(), deal.id(), token);
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
    for (int i = 0; i < opened.body().get("chunk_count").asInt(); i++) {
      assertThat(chunk(deal.buyer(), deal.id(), token, i, Map.of()).status()).isEqualTo(200);
    }
    DeliveryReceipt receipt = DeliveryReceipt.sign(deal.id(), ticket.get("manifest_sha256").asString(),
        "ab".repeat(32), clock.instant(), deal.buyer().keys());

    Market.Answer ack = send(deal.buyer(), "ack-" + deal.id(), "delivery_receipt", Map.of("transfer_id", deal.id(),
        "receipt", receipt.toJson()));

    assertThat(ack.status()).as(ack.body().toString()).isEqualTo(200);
    assertThat(ack.body().get("state").asString()).isEqualTo("acknowledged");
    assertThat(types(poll(deal.seller(), deal.id()))).containsExactly("payment_confirmed", "delivery_receipt");
    assertThat(types(poll(deal.buyer(), deal.id()))).containsExactly("product_offer", "payment_request",
        "payment_confirmed", "product_delivery");
  }

  @Test
  void refusalsCarryTheirCodeAndPointersAndChangeNothing() {
    var deal = offered(policy(1), false);
    TestAilock seller = deal.seller();
    TestAilock buyer = deal.buyer();

    Market.Answer malformed = send(deal.buyer(), "bad-1", "product_dispute", Map.of("transfer_id", deal.id(),
        "reason", "", "extra", true));
    Market.Answer unknown = send(seller, "bad-2", "product_gift", Map.of());
    Market.Answer inBandPayment = send(deal.buyer(), "bad-3", "payment_confirmed", Map.of("transfer_id", deal.id()));
    Market.Answer wrongState = send(deal.buyer(), "bad-4", "product_dispute", Map.of("transfer_id", deal.id(),
        "reason", "too early"));

    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.code()).isEqualTo("validation_failed");
    assertThat(malformed.body().path("violations")).extracting(v -> v.path("pointer").asString())
        .containsExactly("/extra", "/reason");
    assertThat(unknown.code()).isEqualTo("unknown_interaction_type");
    assertThat(inBandPayment.status()).isEqualTo(403);
    assertThat(inBandPayment.code()).isEqualTo("payment_confirmed_by_provider_only");
    assertThat(wrongState.code()).isEqualTo("illegal_transition");
    assertThat(state(deal)).isEqualTo("offered");
    assertThat(types(poll(buyer, deal.id()))).as("only the offer made over HTTP").containsExactly("product_offer");
    assertThat(jdbc.sql("SELECT count(*) FROM dist_processed_messages WHERE message_id LIKE 'inbox:%:bad-%'")
        .query(Long.class).single()).isZero();
  }

  /** A long poll by {@code ailock} in the background. */
  private CompletableFuture<Market.Raw> longPoll(TestAilock ailock, long after, int waitSeconds) {
    return CompletableFuture.supplyAsync(() -> market.getRaw(ailock, "inbox-poll",
        Map.of("after", Long.toString(after), "wait", Integer.toString(waitSeconds)), Map.of()));
  }

  private void awaitParked(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inProcessInbox.parkedCount() < count) {
      assertThat(System.nanoTime()).as("polls parked").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void aLongPollWaitsWithoutAThreadAndAnswersAsSoonAsAMessageArrives() throws Exception {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    String productId = market.publishedProduct(seller, Market.pricedPolicy(1500, "usd"));
    int parkedBefore = inProcessInbox.parkedCount();
    long started = System.nanoTime();
    CompletableFuture<Market.Raw> poll = longPoll(buyer, 0, 25);
    awaitParked(parkedBefore + 1);
    assertThat(poll).isNotDone();

    String transferId = Market.commerce(seller).offer(productId, buyer.ailockId(),
        ai.ailock.distribution.client.commerce.Commerce.Terms.productDefaults()).transferId();

    Market.Raw answer = poll.get(20, TimeUnit.SECONDS);
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = WireJson.mapper().readTree(answer.body());
    assertThat(body.get("messages")).hasSize(1);
    assertThat(body.get("messages").get(0).get("type").asString()).isEqualTo("product_offer");
    assertThat(body.get("messages").get(0).get("transfer_id").asString()).isEqualTo(transferId);
    assertThat(body.get("next_cursor").asLong()).isEqualTo(body.get("messages").get(0).get("cursor").asLong());
    assertThat(waited).as("answered when the message came, not at the end of the wait")
        .isLessThan(Duration.ofSeconds(15));
    assertThat(inProcessInbox.parkedCount()).isEqualTo(parkedBefore);
  }

  @Test
  void aLongPollWithNothingToSayTimesOutEmptyAtItsCursor() throws Exception {
    TestAilock ailock = market.ailock();
    long started = System.nanoTime();

    Market.Raw answer = longPoll(ailock, 7, 1).get(20, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = WireJson.mapper().readTree(answer.body());
    assertThat(body.get("messages")).isEmpty();
    assertThat(body.get("next_cursor").asLong()).isEqualTo(7);
  }

  @Test
  void aBadWaitIsAProblemAndTooManyWaitingPollsAreRefused() throws Exception {
    TestAilock ailock = market.ailock();
    for (String wait : List.of("-1", "31", "soon", "2.5")) {
      Market.Raw refused = market.getRaw(ailock, "inbox-poll", Map.of("wait", wait), Map.of());
      assertThat(refused.status()).as("wait=" + wait).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.code()).isEqualTo("malformed_request");
    }

    int parkedBefore = inProcessInbox.parkedCount();
    List<CompletableFuture<Market.Raw>> waiting = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waiting.add(longPoll(ailock, 0, 3));
    }
    awaitParked(parkedBefore + 4);
    Market.Raw fifth = market.getRaw(ailock, "inbox-poll", Map.of("wait", "3"), Map.of());

    assertThat(fifth.status()).isEqualTo(503);
    assertThat(fifth.code()).isEqualTo("inbox_busy");
    for (CompletableFuture<Market.Raw> poll : waiting) {
      assertThat(poll.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    assertThat(inProcessInbox.parkedCount()).isEqualTo(parkedBefore);
  }
}
