package ai.ailock.distribution.server;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft Kafka broker per test JVM (it takes seconds to start), started on first use and stopped at exit.
 * Topics it creates on demand have three partitions.
 */
public final class SharedKafkaBroker {
  private static EmbeddedKafkaKraftBroker broker;

  private SharedKafkaBroker() {}

  /** @return the broker's bootstrap servers, starting it if needed */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      var started = new EmbeddedKafkaKraftBroker(1, 3);
      started.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "stop-embedded-kafka"));
      broker = started;
    }
    return broker.getBrokersAsString();
  }
}
