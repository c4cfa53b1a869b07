package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.schemas.WireJson;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The inbox topic (issue 6): every record goes to the interaction dispatcher and is answered on the reply topic;
 * duplicates act once, refusals are answers, and records that cannot be handled are parked on the dead-letter topic
 * without blocking their partition.
 */
class KafkaInboxIT extends KafkaDeliveryServer {

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  @Test
  void aDuplicatedInboxRecordHasOneEffectAndIsAnsweredEachTime() {
    Listing listing = listed(Market.pricedPolicy(1500, "usd"));
    String messageId = "offer-" + listing.productId();

    INBOX.send(interaction(listing.seller(), messageId, "product_offer", listing.offer()));
    INBOX.send(interaction(listing.seller(), messageId, "product_offer", listing.offer()));
    List<JsonNode> answers = replies(messageId, 2);

    assertThat(answers).allSatisfy(a -> assertThat(a.path("accepted").asBoolean()).isTrue());
    String id = answers.get(0).path("transfer_id").asString();
    assertThat(answers.get(1).path("transfer_id").asString()).isEqualTo(id);
    assertThat(answers).extracting(a -> a.path("replayed").asBoolean()).containsExactly(false, true);
    assertThat(count("SELECT count(*) FROM dist_product_transfers WHERE product_id = ?::uuid",
        listing.productId())).isOne();
    assertThat(count("SELECT count(*) FROM dist_outbox WHERE aggregate_key = ?", id)).isOne();
    JsonNode toBuyer = awaitOutbound(id, "product_offer", listing.buyer());
    assertThat(toBuyer.path("payload").path("seller").asString()).isEqualTo(listing.seller().ailockId());
    assertThat(toBuyer.path("trace_id").asString()).isEqualTo("trace-" + messageId);
    assertThat(types(outbound(id))).containsExactly("product_offer");
  }

  @Test
  void aPayloadThatFailsItsSchemaIsRefusedWithItsPointersAndChangesNothing() {
    Deal deal = offered(policy(1), false);
    long outboxBefore = count("SELECT count(*) FROM dist_outbox");

    JsonNode refused = send(deal.buyer(), "bad-schema-" + deal.id(), "product_dispute",
        Map.of("transfer_id", deal.id(), "reason", "", "extra", true));
    JsonNode wrongState = send(deal.buyer(), "bad-state-" + deal.id(), "product_dispute",
        Map.of("transfer_id", deal.id(), "reason", "too early"));

    assertThat(refused.path("accepted").asBoolean()).isFalse();
    assertThat(refused.path("code").asString()).isEqualTo("validation_failed");
    assertThat(refused.path("violations")).extracting(v -> v.path("pointer").asString())
        .containsExactly("/extra", "/reason");
    assertThat(wrongState.path("code").asString()).isEqualTo("illegal_transition");
    assertThat(state(deal)).isEqualTo("offered");
    assertThat(count("SELECT count(*) FROM dist_outbox")).isEqualTo(outboxBefore);
    assertThat(count("SELECT count(*) FROM dist_processed_messages WHERE message_id LIKE ?",
        "inbox:%:bad-%" + deal.id())).isZero();
    assertThat(audited(deal.id(), "transfer.disputed")).isZero();
  }

  @Test
  void poisonIsParkedOnTheDeadLetterTopicAtOnceAndTheNextRecordOnItsPartitionIsHandled() {
    Listing listing = listed(Market.pricedPolicy(900, "eur"));
    TestAilock seller = listing.seller();
    String productId = listing.productId();
    String tag = "poison-" + productId;
    String noType = WireJson.mapper().writeValueAsString(Map.of("message_id", tag + "-2", "payload", Map.of()));
    String anonymous = WireJson.mapper().writeValueAsString(Map.of("message_id", tag + "-3", "type", "product_offer",
        "payload", listing.offer()));

    INBOX.send(fromSender(seller, new ProducerRecord<>(INBOX.name(), 0, tag, "not json " + tag)));
    INBOX.send(fromSender(seller, new ProducerRecord<>(INBOX.name(), 0, tag, noType)));
    INBOX.send(new ProducerRecord<>(INBOX.name(), 0, tag, anonymous));
    ProducerRecord<String, String> good = interaction(seller, tag + "-4", "product_offer", listing.offer());
    INBOX.send(new ProducerRecord<>(INBOX.name(), 0, tag, good.value(), good.headers()));

    JsonNode answer = replies(tag + "-4", 1).get(0);
    assertThat(answer.path("accepted").asBoolean()).as(answer.toString()).isTrue();
    List<ConsumerRecord<String, String>> parked = DEAD_LETTERS.await(r -> tag.equals(r.key()),
        list -> list.size() >= 3);
    assertThat(parked).extracting(ConsumerRecord::value).containsExactly("not json " + tag, noType, anonymous);
    assertThat(parked).allSatisfy(r -> {
      assertThat(KafkaTopic.header(r, "kafka_dlt-exception-cause-fqcn")).hasValueSatisfying(c -> assertThat(c)
          .endsWith("PoisonRecord"));
      assertThat(KafkaTopic.header(r, "kafka_dlt-original-partition")).isPresent();
    });
    assertThat(REPLIES.all()).noneMatch(r -> KafkaTopic.header(r, "ailock-in-reply-to").orElse("")
        .matches(java.util.regex.Pattern.quote(tag) + "-[123]"));
    assertThat(count("SELECT count(*) FROM dist_product_transfers WHERE product_id = ?::uuid", productId)).isOne();
  }

  @Test
  void aTransientFailureIsRetriedWithBackOffAndParkedWhenItLasts() throws InterruptedException {
    Listing listing = listed(Market.pricedPolicy(900, "eur"));
    TestAilock seller = listing.seller();
    TestAilock buyer = listing.buyer();
    String first = listing.productId();
    String second = market.publishedProduct(seller, Market.pricedPolicy(900, "eur"));

    databaseDown();
    INBOX.send(interaction(seller, "outage-" + first, "product_offer", listing.offer()));
    Thread.sleep(700); // several attempts fail
    databaseBack();
    JsonNode recovered = replies("outage-" + first, 1).get(0);

    databaseDown();
    INBOX.send(interaction(seller, "outage-" + second, "product_offer", Map.of("product_id", second,
        "recipient", buyer.ailockId())));
    ConsumerRecord<String, String> parked = DEAD_LETTERS.await(r -> r.value().contains("outage-" + second),
        list -> !list.isEmpty()).get(0);
    databaseBack();

    assertThat(recovered.path("accepted").asBoolean()).as(recovered.toString()).isTrue();
    assertThat(KafkaTopic.header(parked, "kafka_dlt-exception-message")).hasValueSatisfying(m ->
        assertThat(m).contains("dist_processed_messages"));
    assertThat(count("SELECT count(*) FROM dist_product_transfers WHERE product_id = ?::uuid", first)).isOne();
    assertThat(count("SELECT count(*) FROM dist_product_transfers WHERE product_id = ?::uuid", second)).isZero();
    assertThat(send(seller, "after-outage-" + second, "product_offer", Map.of("product_id", second,
        "recipient", buyer.ailockId())).path("accepted").asBoolean()).as("the partition goes on").isTrue();
  }

  /** The dispatcher's first table disappears: every inbox record fails as if PostgreSQL were unreachable. */
  private void databaseDown() {
    jdbc.sql("ALTER TABLE dist_processed_messages RENAME TO dist_processed_messages_away").update();
  }

  private void databaseBack() {
    jdbc.sql("ALTER TABLE dist_processed_messages_away RENAME TO dist_processed_messages").update();
  }
}
