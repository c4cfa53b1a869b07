package ai.ailock.distribution.server.inbox.kafka;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.interaction.InboundMessage;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one inbox record: the value is the interaction envelope of {@code inbox-deliver} ({@code message_id},
 * {@code type}, {@code trace_id}, {@code payload}; schema {@code inbox-deliver.schema.json}), the headers name the
 * sender the host authenticated ({@link RecordHeaders#SENDER}, {@link RecordHeaders#SENDER_KEY}). The trace id
 * defaults to the message id.
 */
final class InboxRecord {
  private final SchemaValidator validator;

  InboxRecord(SchemaValidator validator) {
    this.validator = validator;
  }

  /** @throws PoisonRecord if the record is not an authenticated interaction envelope */
  InboundMessage read(ConsumerRecord<String, @Nullable String> record) {
    AilockId sender = header(record, RecordHeaders.SENDER, AilockId::new);
    KeyId senderKey = header(record, RecordHeaders.SENDER_KEY, KeyId::new);
    JsonNode envelope = envelope(record.value());
    String messageId = envelope.get("message_id").asString();
    return new InboundMessage(messageId, envelope.get("type").asString(), sender, senderKey,
        envelope.path("recipient").asString("distribution"), envelope.path("trace_id").asString(messageId),
        envelope.get("payload"));
  }

  private JsonNode envelope(@Nullable String value) {
    if (value == null) {
      throw new PoisonRecord("the record has no value");
    }
    JsonNode envelope;
    try {
      envelope = WireJson.mapper().readTree(value);
    } catch (JacksonException e) {
      throw new PoisonRecord("the record's value is not JSON");
    }
    List<Violation> violations = validator.validate(WireSchema.INBOX_DELIVER, envelope);
    if (!violations.isEmpty()) {
      throw new PoisonRecord("the record's value is not an interaction envelope: " + violations);
    }
    return envelope;
  }

  private static <T> T header(ConsumerRecord<String, @Nullable String> record, String name,
      java.util.function.Function<String, T> parse) {
    String value = RecordHeaders.read(record.headers(), name)
        .orElseThrow(() -> new PoisonRecord("the record has no " + name + " header"));
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new PoisonRecord("the record's " + name + " header is malformed");
    }
  }
}
