package ai.ailock.distribution.server.inbox.kafka;

import ai.ailock.distribution.interaction.InteractionDispatcher;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.server.inbox.InboxRelay;
import ai.ailock.distribution.server.inbox.MessagingProperties;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import ai.ailock.distribution.storage.jdbc.OutboxRelay;
import ai.ailock.distribution.storage.jdbc.RelayLock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka transport ({@code ailock.distribution.messaging.transport=kafka}): an idempotent producer configured
 * explicitly, the outbox relay publishing to the outbound topic, the inbox listener with retries and a dead-letter
 * topic, and the topics (created if missing and {@code create-topics} is on). Connection and security settings come
 * from {@code spring.kafka.*}; the settings below override what would weaken delivery.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = MessagingProperties.TRANSPORT, havingValue = "kafka")
class KafkaMessagingConfiguration {

  /**
   * Idempotent (no duplicates or reordering from the producer's own retries), acknowledged by every in-sync replica,
   * at most 5 requests in flight (the limit under which idempotence keeps order), retries bounded by the delivery
   * timeout, which ends before the relay stops waiting; a send blocks for metadata no longer than that either.
   */
  @Bean
  ProducerFactory<String, String> messagingProducerFactory(KafkaProperties kafka, MessagingProperties messaging) {
    Duration sendTimeout = messaging.kafka().sendTimeout();
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(5_000, sendTimeout.toMillis() / 2));
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
    return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Failed sends are logged by the relay and the error handler with ids only, never with the record's value. */
  @Bean
  KafkaTemplate<String, String> messagingTemplate(ProducerFactory<String, String> messagingProducerFactory) {
    var template = new KafkaTemplate<>(messagingProducerFactory);
    template.setProducerListener(new ProducerListener<>() {});
    return template;
  }

  @Bean
  InboxRelay kafkaRelay(JdbcOutbox outbox, RelayLock lock, KafkaTemplate<String, String> messagingTemplate,
      MessagingProperties messaging) {
    var publisher = new KafkaOutboxPublisher(messagingTemplate, messaging.kafka().outboundTopic(), wait(messaging));
    return new InboxRelay(new OutboxRelay(outbox, lock, publisher));
  }

  @Bean
  ConcurrentMessageListenerContainer<String, String> inboxListener(KafkaProperties kafka,
      MessagingProperties messaging, InteractionDispatcher dispatcher,
      KafkaTemplate<String, String> messagingTemplate) {
    MessagingProperties.Kafka settings = messaging.kafka();
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer());
    var properties = new ContainerProperties(settings.inboxTopic());
    properties.setGroupId(settings.consumerGroup());
    properties.setAckMode(ContainerProperties.AckMode.RECORD);
    properties.setMessageListener(new KafkaInbox(new InboxRecord(new SchemaValidator()), dispatcher,
        messagingTemplate, settings.replyTopic(), wait(messaging)));
    var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setConcurrency(settings.concurrency());
    container.setCommonErrorHandler(errorHandler(messagingTemplate, messaging));
    return container;
  }

  /** Poison goes to the dead-letter topic at once; other failures are retried with back-off, then parked there. */
  static DefaultErrorHandler errorHandler(KafkaTemplate<String, String> template, MessagingProperties messaging) {
    MessagingProperties.Retry retry = messaging.kafka().retry();
    var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
    String deadLetters = messaging.kafka().deadLetterTopic();
    var recoverer = new DeadLetterPublishingRecoverer(template,
        (record, e) -> new TopicPartition(deadLetters, -1)); // no partition: the record's key chooses
    var handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(PoisonRecord.class);
    return handler;
  }

  @Bean
  @ConditionalOnProperty(name = "ailock.distribution.messaging.kafka.create-topics", matchIfMissing = true)
  KafkaAdmin.NewTopics messagingTopics(MessagingProperties messaging) {
    MessagingProperties.Kafka settings = messaging.kafka();
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(settings.inboxTopic()).partitions(settings.partitions()).build(),
        TopicBuilder.name(settings.outboundTopic()).partitions(settings.partitions()).build(),
        TopicBuilder.name(settings.replyTopic()).partitions(settings.partitions()).build(),
        TopicBuilder.name(settings.deadLetterTopic()).partitions(settings.partitions()).build());
  }

  /** The relay waits a little longer than the producer's delivery timeout, so the producer's verdict comes first. */
  private static Duration wait(MessagingProperties messaging) {
    return messaging.kafka().sendTimeout().plusSeconds(2);
  }
}
