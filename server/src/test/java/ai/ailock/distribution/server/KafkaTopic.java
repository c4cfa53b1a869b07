package ai.ailock.distribution.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic of the {@link SharedKafkaBroker} as a test sees it: records are sent as an Ailock (or the host) would, and
 * read back from the beginning each time, so every read sees the whole topic in partition order.
 */
public final class KafkaTopic {
  private static KafkaProducer<String, String> producer;

  private final String name;

  public KafkaTopic(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Sends and waits for the broker's acknowledgement. */
  public void send(ProducerRecord<String, String> record) {
    try {
      producer().send(record).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return every record of the topic now, partition by partition, each partition in offset order */
  public List<ConsumerRecord<String, String>> all() {
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
          .map(p -> new TopicPartition(name, p.partition())).sorted(
              java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      records.sort(java.util.Comparator.<ConsumerRecord<String, String>>comparingInt(ConsumerRecord::partition)
          .thenComparingLong(ConsumerRecord::offset));
      return records;
    }
  }

  /** @return the records matching {@code wanted} once {@code done} holds for them; fails after 30 s */
  public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted,
      Predicate<List<ConsumerRecord<String, String>>> done) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      List<ConsumerRecord<String, String>> matching = all().stream().filter(wanted).toList();
      if (done.test(matching)) {
        return matching;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("topic " + name + " did not get the records expected; it has " + matching.size()
            + " matching: " + matching.stream().map(ConsumerRecord::value).toList());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** @return the UTF-8 value of a header of the record, if present */
  public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(Map.<String, Object>of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }
    return producer;
  }
}
