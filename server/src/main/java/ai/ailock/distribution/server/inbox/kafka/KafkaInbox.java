package ai.ailock.distribution.server.inbox.kafka;

import ai.ailock.distribution.interaction.InboundMessage;
import ai.ailock.distribution.interaction.InteractionDispatcher;
import ai.ailock.distribution.interaction.InteractionReply;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;

/**
 * The inbox topic's listener: hands each record to the same {@link InteractionDispatcher} as {@code inbox-deliver}
 * and publishes the answer (accepted, or refused with its code and JSON pointers) on the reply topic, keyed by the
 * sender, before the record's offset is committed. A refusal is an answer; only a failure (poison, or the database or
 * broker unavailable) throws, for the container's error handler to retry or park. A record retried after its message
 * was handled is answered again from the stored outcome: the dispatcher acts once per message id.
 */
final class KafkaInbox implements MessageListener<String, @Nullable String> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaInbox.class);

  private final InboxRecord records;
  private final InteractionDispatcher dispatcher;
  private final KafkaTemplate<String, String> template;
  private final String replyTopic;
  private final Duration sendTimeout;

  KafkaInbox(InboxRecord records, InteractionDispatcher dispatcher, KafkaTemplate<String, String> template,
      String replyTopic, Duration sendTimeout) {
    this.records = records;
    this.dispatcher = dispatcher;
    this.template = template;
    this.replyTopic = replyTopic;
    this.sendTimeout = sendTimeout;
  }

  @Override
  public void onMessage(ConsumerRecord<String, @Nullable String> record) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    try (var request = MDC.putCloseable("request_id", where)) {
      InboundMessage message = records.read(record);
      try (var trace = MDC.putCloseable("trace_id", message.traceId())) {
        InteractionReply reply = dispatcher.dispatch(message);
        LOG.info("inbox {} {} from {}: {} (transfer {})", message.type(), message.messageId(), message.sender(),
            reply.accepted() ? "accepted" + (reply.replayed() ? ", replayed" : "") : reply.code(),
            reply.transferId());
        answer(message, reply);
      }
    }
  }

  private void answer(InboundMessage message, InteractionReply reply) {
    var answer = new ProducerRecord<String, String>(replyTopic, message.sender().value(), reply.toWire().toString());
    RecordHeaders.write(answer.headers(), RecordHeaders.RECIPIENT, message.sender().value());
    RecordHeaders.write(answer.headers(), RecordHeaders.IN_REPLY_TO, message.messageId());
    RecordHeaders.write(answer.headers(), RecordHeaders.TRACE_ID, message.traceId());
    SyncSend.send(template, answer, sendTimeout);
  }
}
