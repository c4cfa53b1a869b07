package ai.ailock.distribution.server.inbox.kafka;

import ai.ailock.distribution.server.inbox.OutboundEnvelope;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay's Kafka publisher: one record per outbox row on the outbound topic, keyed by the transfer (one
 * transfer's messages share a partition, so they keep their order), the value the {@link OutboundEnvelope}, with
 * headers for message id, type, recipient and trace id. Returns only once the broker acknowledged the record: a send
 * that fails or times out throws, and the row stays pending.
 */
public final class KafkaOutboxPublisher implements Consumer<JdbcOutbox.Pending> {
  private final KafkaTemplate<String, String> template;
  private final String topic;
  private final Duration sendTimeout;

  public KafkaOutboxPublisher(KafkaTemplate<String, String> template, String topic, Duration sendTimeout) {
    this.template = template;
    this.topic = topic;
    this.sendTimeout = sendTimeout;
  }

  @Override
  public void accept(JdbcOutbox.Pending message) {
    var record = new ProducerRecord<String, String>(topic, message.key(), OutboundEnvelope.of(message).toString());
    RecordHeaders.write(record.headers(), RecordHeaders.MESSAGE_ID, message.messageId().toString());
    RecordHeaders.write(record.headers(), RecordHeaders.TYPE, message.type());
    RecordHeaders.write(record.headers(), RecordHeaders.RECIPIENT, message.recipient());
    if (message.traceId() != null) {
      RecordHeaders.write(record.headers(), RecordHeaders.TRACE_ID, message.traceId());
    }
    SyncSend.send(template, record, sendTimeout);
  }
}
