package ai.ailock.distribution.server.inbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.server.inbox.MessagingProperties;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.ProducerFactory;

class KafkaProducerSettingsTest {

  private static MessagingProperties messaging(String sendTimeout) {
    return new Binder(new MapConfigurationPropertySource(Map.of(
        "ailock.distribution.messaging.kafka.send-timeout", sendTimeout)))
        .bindOrCreate("ailock.distribution.messaging", MessagingProperties.class);
  }

  private static KafkaProperties kafka(String bootstrap, Map<String, String> producer) {
    var properties = new KafkaProperties();
    properties.setBootstrapServers(List.of(bootstrap));
    properties.getProducer().getProperties().putAll(producer);
    return properties;
  }

  @Test
  void theProducerIsIdempotentAcknowledgedByAllReplicasAndBoundedWhateverSpringKafkaSays() {
    ProducerFactory<String, String> factory = new KafkaMessagingConfiguration().messagingProducerFactory(
        kafka("kafka:9092", Map.of("acks", "1", "enable.idempotence", "false",
            "max.in.flight.requests.per.connection", "20", "compression.type", "zstd")), messaging("10s"));

    assertThat(factory.getConfigurationProperties())
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000L)
        .containsEntry("compression.type", "zstd");
  }

  @Test
  void aPublishTheBrokerDoesNotAcknowledgeFailsWithinTheSendTimeout() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    MessagingProperties settings = messaging("1s");
    ProducerFactory<String, String> factory = new KafkaMessagingConfiguration().messagingProducerFactory(
        kafka("127.0.0.1:" + closedPort, Map.of()), settings);
    var publisher = new KafkaOutboxPublisher(new KafkaMessagingConfiguration().messagingTemplate(factory), "outbound",
        settings.kafka().sendTimeout().plusSeconds(2));
    var message = new JdbcOutbox.Pending(1, UUID.randomUUID(), UUID.randomUUID().toString(), "product_offer", "buyer",
        "{\"transfer_id\": \"t\"}", "trace-1", Instant.now(), 0);

    long started = System.nanoTime();
    try {
      assertThatThrownBy(() -> publisher.accept(message)).isInstanceOf(KafkaException.class)
          .hasMessageContaining("not acknowledged by outbound");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("send timeout 1 s, relay wait 3 s")
          .isLessThan(Duration.ofMillis(3_500));
    } finally {
      factory.reset();
    }
  }
}
