package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.transfer.OutboundMessage;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.server.inbox.kafka.KafkaOutboxPublisher;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import ai.ailock.distribution.storage.jdbc.OutboxRelay;
import ai.ailock.distribution.storage.jdbc.RelayLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay publishing to the outbound topic (issue 6): keyed by transfer so each transfer's messages keep
 * their order across partitions, at least once through a crash between publishing and marking (a deduplicating
 * consumer sees each message once), and exactly once by several relays sharing the database.
 */
class KafkaOutboxIT extends KafkaDeliveryServer {
  private static final AilockId RECIPIENT = new AilockId("outbox-test-recipient");

  @Autowired
  JdbcOutbox outbox;

  @Autowired
  DataSource dataSource;

  @Autowired
  KafkaTemplate<String, String> messagingTemplate;

  /** Writes {@code perTransfer} numbered messages for each of {@code transfers} new transfers, interleaved. */
  private List<String> interleaved(int transfers, int perTransfer) {
    List<String> ids = IntStream.range(0, transfers).mapToObj(i -> UUID.randomUUID().toString()).toList();
    for (int n = 0; n < perTransfer; n++) {
      for (String id : ids) {
        outbox.send(new OutboundMessage(OutboundMessage.PRODUCT_DISPUTE, new TransferId(UUID.fromString(id)),
            RECIPIENT, Map.of("transfer_id", id, "state", "n" + n), "trace-order"));
      }
    }
    return ids;
  }

  private static Map<String, List<ConsumerRecord<String, String>>> byTransfer(List<String> ids, int perTransfer) {
    Set<String> wanted = new HashSet<>(ids);
    List<ConsumerRecord<String, String>> records = OUTBOUND.await(r -> wanted.contains(r.key()),
        list -> list.size() >= ids.size() * perTransfer);
    Map<String, List<ConsumerRecord<String, String>>> grouped = new LinkedHashMap<>();
    records.forEach(r -> grouped.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
    return grouped;
  }

  private static String state(ConsumerRecord<String, String> record) {
    return WireJson.mapper().readTree(record.value()).path("payload").path("state").asString();
  }

  private static List<String> numbered(int count) {
    return IntStream.range(0, count).mapToObj(n -> "n" + n).toList();
  }

  @Test
  void eachTransfersMessagesArriveInOrderOnOnePartitionWhileTransfersSpreadOverSeveral() {
    List<String> ids = interleaved(8, 12);

    var grouped = byTransfer(ids, 12);

    assertThat(grouped).hasSize(8);
    grouped.values().forEach(records -> {
      assertThat(records).extracting(KafkaOutboxIT::state).containsExactlyElementsOf(numbered(12));
      assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
      assertThat(records).allSatisfy(r -> {
        assertThat(KafkaTopic.header(r, "ailock-recipient")).hasValue(RECIPIENT.value());
        assertThat(KafkaTopic.header(r, "ailock-trace-id")).hasValue("trace-order");
        assertThat(KafkaTopic.header(r, "ailock-message-id")).hasValue(
            WireJson.mapper().readTree(r.value()).path("message_id").asString());
      });
    });
    assertThat(grouped.values().stream().map(r -> r.get(0).partition()).distinct().count()).isGreaterThan(1);
  }

  @Test
  void aCrashAfterPublishingAndBeforeMarkingDeliversOnceToADeduplicatingConsumer() {
    String id = UUID.randomUUID().toString();
    jdbc.sql("CREATE SEQUENCE IF NOT EXISTS test_relay_crashes").update();
    jdbc.sql("""
        CREATE OR REPLACE FUNCTION test_crash_before_marking() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.aggregate_key = '%s' AND nextval('test_relay_crashes') = 1 THEN
            RAISE EXCEPTION 'the relay died after publishing, before marking';
          END IF;
          RETURN NEW;
        END $$""".formatted(id)).update();
    jdbc.sql("""
        CREATE TRIGGER test_crash_before_marking BEFORE UPDATE OF published_at ON dist_outbox
        FOR EACH ROW WHEN (OLD.published_at IS NULL AND NEW.published_at IS NOT NULL)
        EXECUTE FUNCTION test_crash_before_marking()""").update();
    try {
      outbox.send(new OutboundMessage(OutboundMessage.PRODUCT_REVOKE, new TransferId(UUID.fromString(id)), RECIPIENT,
          Map.of("transfer_id", id, "state", "n0"), "trace-crash"));
      outbox.send(new OutboundMessage(OutboundMessage.PRODUCT_REVOKE, new TransferId(UUID.fromString(id)), RECIPIENT,
          Map.of("transfer_id", id, "state", "n1"), "trace-crash"));

      List<ConsumerRecord<String, String>> transport = OUTBOUND.await(r -> id.equals(r.key()),
          list -> list.size() >= 4);
      Set<String> seen = new HashSet<>();
      List<String> delivered = transport.stream()
          .filter(r -> seen.add(KafkaTopic.header(r, "ailock-message-id").orElseThrow()))
          .map(KafkaOutboxIT::state).toList();

      // a run marks what it published in one statement at its end: the crash loses the whole run's marks, so the
      // next run publishes both again, in order; the consumer's dedupe by message id keeps one of each
      assertThat(transport).extracting(KafkaOutboxIT::state).containsExactly("n0", "n1", "n0", "n1");
      assertThat(delivered).containsExactly("n0", "n1");
      assertThat(jdbc.sql("SELECT attempts FROM dist_outbox WHERE aggregate_key = ? AND published_at IS NOT NULL"
          + " ORDER BY id").param(id).query(Integer.class).list()).containsExactly(1, 1);
    } finally {
      jdbc.sql("DROP TRIGGER test_crash_before_marking ON dist_outbox").update();
    }
  }

  @Test
  void threeRelaysSharingTheDatabasePublishEachMessageOnceAndInOrder() throws Exception {
    var executor = Executors.newFixedThreadPool(2);
    try {
      List<String> ids = interleaved(5, 40);
      List<Callable<Integer>> instances = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        var relay = new OutboxRelay(outbox, new RelayLock(dataSource),
            new KafkaOutboxPublisher(messagingTemplate, OUTBOUND.name(), Duration.ofSeconds(10)));
        instances.add(() -> {
          int published = 0;
          for (int run = 0; run < 200 && pending(ids) > 0; run++) {
            published += relay.relay(3);
          }
          return published;
        });
      }
      int byTestRelays = 0;
      for (Future<Integer> published : executor.invokeAll(instances)) {
        byTestRelays += published.get();
      }

      var grouped = byTransfer(ids, 40);
      Thread.sleep(500); // anything published twice would be on the topic by now
      List<ConsumerRecord<String, String>> all = OUTBOUND.all().stream().filter(r -> ids.contains(r.key())).toList();

      assertThat(all).hasSize(200);
      assertThat(all.stream().map(r -> KafkaTopic.header(r, "ailock-message-id").orElseThrow()).distinct())
          .hasSize(200);
      grouped.values().forEach(records -> assertThat(records).extracting(KafkaOutboxIT::state)
          .containsExactlyElementsOf(numbered(40)));
      assertThat(byTestRelays).isLessThanOrEqualTo(200);
      assertThat(pending(ids)).isZero();
    } finally {
      executor.shutdownNow();
    }
  }

  private long pending(List<String> ids) {
    return jdbc.sql("SELECT count(*) FROM dist_outbox WHERE published_at IS NULL AND aggregate_key IN (?, ?, ?, ?, ?)")
        .params(ids.toArray()).query(Long.class).single();
  }
}
