package ai.ailock.distribution.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessagingPropertiesTest {

  private static MessagingProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("ailock.distribution.messaging", MessagingProperties.class);
  }

  @Test
  void defaultsToTheInProcessTransportAndNamesTheKafkaTopics() {
    MessagingProperties defaults = bind(Map.of());

    assertThat(defaults.transport()).isEqualTo("in-process");
    assertThat(defaults.kafka().inboxTopic()).isEqualTo("ailock.distribution.inbox");
    assertThat(defaults.kafka().outboundTopic()).isEqualTo("ailock.distribution.outbound");
    assertThat(defaults.kafka().replyTopic()).isEqualTo("ailock.distribution.replies");
    assertThat(defaults.kafka().deadLetterTopic()).isEqualTo("ailock.distribution.inbox.dlt");
    assertThat(defaults.kafka().consumerGroup()).isEqualTo("ailock-distribution");
    assertThat(defaults.kafka().retry().maxElapsed()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void bindsTheKafkaSettingsAndRefusesAnUnknownTransport() {
    MessagingProperties kafka = bind(Map.of("ailock.distribution.messaging.transport", "kafka",
        "ailock.distribution.messaging.kafka.inbox-topic", "prod.inbox",
        "ailock.distribution.messaging.kafka.send-timeout", "3s"));

    assertThat(kafka.transport()).isEqualTo("kafka");
    assertThat(kafka.kafka().inboxTopic()).isEqualTo("prod.inbox");
    assertThat(kafka.kafka().sendTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> bind(Map.of("ailock.distribution.messaging.transport", "kafak")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("in-process or kafka, not kafak");
  }
}
