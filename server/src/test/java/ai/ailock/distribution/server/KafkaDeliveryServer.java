package ai.ailock.distribution.server;

import ai.ailock.distribution.schemas.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with the Kafka transport on the {@link SharedKafkaBroker} (three partitions per topic, fast retries),
 * Stripe stubbed, and what its tests do on the topics: send an interaction as the host would (sender in the headers),
 * read its reply, read the service's messages about a transfer. Subclasses share one context.
 */
abstract class KafkaDeliveryServer extends DeliveryServer {
  static final KafkaTopic INBOX = new KafkaTopic("test.inbox");
  static final KafkaTopic OUTBOUND = new KafkaTopic("test.outbound");
  static final KafkaTopic REPLIES = new KafkaTopic("test.replies");
  static final KafkaTopic DEAD_LETTERS = new KafkaTopic("test.inbox.dlt");

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", SharedKafkaBroker::bootstrapServers);
    registry.add("ailock.distribution.messaging.transport", () -> "kafka");
    registry.add("ailock.distribution.messaging.kafka.inbox-topic", INBOX::name);
    registry.add("ailock.distribution.messaging.kafka.outbound-topic", OUTBOUND::name);
    registry.add("ailock.distribution.messaging.kafka.reply-topic", REPLIES::name);
    registry.add("ailock.distribution.messaging.kafka.dead-letter-topic", DEAD_LETTERS::name);
    registry.add("ailock.distribution.messaging.kafka.partitions", () -> "3");
    registry.add("ailock.distribution.messaging.kafka.concurrency", () -> "3");
    registry.add("ailock.distribution.messaging.kafka.retry.initial-interval", () -> "100ms");
    registry.add("ailock.distribution.messaging.kafka.retry.max-elapsed", () -> "3s");
    registry.add("ailock.distribution.inbox.relay-interval", () -> "200ms");
  }

  /** An inbox record from {@code sender}: the envelope as its value, the sender as the host authenticated it. */
  static ProducerRecord<String, String> interaction(TestAilock sender, String messageId, String type,
      Map<String, Object> payload) {
    String value = WireJson.mapper().writeValueAsString(Map.of("message_id", messageId, "type", type,
        "trace_id", "trace-" + messageId, "payload", payload));
    return fromSender(sender, new ProducerRecord<>(INBOX.name(), sender.ailockId(), value));
  }

  static ProducerRecord<String, String> fromSender(TestAilock sender, ProducerRecord<String, String> record) {
    record.headers().add("ailock-sender", sender.ailockId().getBytes(StandardCharsets.UTF_8));
    record.headers().add("ailock-sender-key", sender.keys().keyId().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** Sends an interaction and waits for its reply. */
  static JsonNode send(TestAilock sender, String messageId, String type, Map<String, Object> payload) {
    INBOX.send(interaction(sender, messageId, type, payload));
    return replies(messageId, 1).get(0);
  }

  /** @return the first {@code count} replies to the message, in order */
  static List<JsonNode> replies(String messageId, int count) {
    return REPLIES.await(r -> KafkaTopic.header(r, "ailock-in-reply-to").orElse("").equals(messageId),
        list -> list.size() >= count).stream().map(r -> WireJson.mapper().readTree(r.value())).toList();
  }

  /** @return the messages about a transfer on the outbound topic now, in order */
  static List<ConsumerRecord<String, String>> outbound(String transferId) {
    return OUTBOUND.all().stream().filter(r -> transferId.equals(r.key())).toList();
  }

  /** Waits until the outbound topic holds a message of {@code type} for {@code recipient} about the transfer. */
  static JsonNode awaitOutbound(String transferId, String type, TestAilock recipient) {
    return WireJson.mapper().readTree(OUTBOUND.await(r -> transferId.equals(r.key())
            && type.equals(KafkaTopic.header(r, "ailock-type").orElse(""))
            && recipient.ailockId().equals(KafkaTopic.header(r, "ailock-recipient").orElse("")),
        list -> !list.isEmpty()).get(0).value());
  }

  static List<String> types(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(r -> KafkaTopic.header(r, "ailock-type").orElseThrow()).toList();
  }
}
