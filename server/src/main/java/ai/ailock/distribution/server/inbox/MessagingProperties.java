package ai.ailock.distribution.server.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ailock.distribution.messaging.*}: how interactions reach the service and its messages leave it.
 * {@code transport=in-process} (the single-node default) serves {@code inbox-poll}; {@code transport=kafka} consumes
 * the inbox topic and publishes to the outbound topic (bootstrap servers and security through {@code spring.kafka.*}).
 */
@ConfigurationProperties("ailock.distribution.messaging")
public record MessagingProperties(@DefaultValue("in-process") String transport, @DefaultValue Kafka kafka) {
  /** The property that selects the transport; its values are {@code in-process} and {@code kafka}. */
  public static final String TRANSPORT = "ailock.distribution.messaging.transport";

  public MessagingProperties {
    if (!transport.equals("in-process") && !transport.equals("kafka")) {
      throw new IllegalArgumentException(TRANSPORT + " is in-process or kafka, not " + transport);
    }
  }

  /**
   * @param inboxTopic interaction envelopes from Ailocks, authenticated by the host (header {@code ailock-sender})
   * @param outboundTopic the service's messages, keyed by transfer
   * @param replyTopic the answer to each inbox record (accepted, or refused with a code), keyed by its sender
   * @param deadLetterTopic inbox records that could not be handled (poison at once, transient failures after retries)
   * @param consumerGroup the consumer group of every instance's inbox listener
   * @param partitions partitions of the topics the service creates when they do not exist ({@code create-topics})
   * @param sendTimeout how long a publish waits for the broker's acknowledgement before it counts as failed
   * @param concurrency inbox consumers per instance (at most one per partition is useful)
   */
  public record Kafka(
      @DefaultValue("ailock.distribution.inbox") String inboxTopic,
      @DefaultValue("ailock.distribution.outbound") String outboundTopic,
      @DefaultValue("ailock.distribution.replies") String replyTopic,
      @DefaultValue("ailock.distribution.inbox.dlt") String deadLetterTopic,
      @DefaultValue("ailock-distribution") String consumerGroup,
      @DefaultValue("true") boolean createTopics,
      @DefaultValue("6") int partitions,
      @DefaultValue("10s") Duration sendTimeout,
      @DefaultValue("1") int concurrency,
      @DefaultValue Retry retry) {}

  /**
   * Back-off for inbox records whose handling failed for a transient reason (e.g. the database is unreachable):
   * exponential from {@code initial-interval}, capped at {@code max-interval}, parked on the dead-letter topic once
   * {@code max-elapsed} has passed.
   */
  public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
      @DefaultValue("10s") Duration maxInterval, @DefaultValue("1m") Duration maxElapsed) {}
}
