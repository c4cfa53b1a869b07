package ai.ailock.distribution.server.inbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.interaction.InboundMessage;
import ai.ailock.distribution.schemas.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class InboxRecordTest {
  private static final String SENDER = "seller-ailock";
  private static final String KEY = "8b8544a36adc84f5e8091bbcb0767608";
  private static final String ENVELOPE = """
      {"message_id": "m-1", "type": "product_revoke", "payload": {"transfer_id": "t"}}""";

  private final InboxRecord records = new InboxRecord(new SchemaValidator());

  private static ConsumerRecord<String, @Nullable String> record(@Nullable String value, Map<String, String> headers) {
    var record = new ConsumerRecord<String, @Nullable String>("inbox", 0, 7L, "k", value);
    headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static Map<String, String> authenticated() {
    return Map.of(RecordHeaders.SENDER, SENDER, RecordHeaders.SENDER_KEY, KEY);
  }

  @Test
  void readsTheEnvelopeAndTheSenderTheHostAuthenticated() {
    InboundMessage message = records.read(record(ENVELOPE.replace("\"m-1\",", "\"m-1\", \"trace_id\": \"trace-9\","),
        authenticated()));

    assertThat(message.messageId()).isEqualTo("m-1");
    assertThat(message.type()).isEqualTo("product_revoke");
    assertThat(message.sender().value()).isEqualTo(SENDER);
    assertThat(message.senderKey().value()).isEqualTo(KEY);
    assertThat(message.traceId()).isEqualTo("trace-9");
    assertThat(message.payload().path("transfer_id").asString()).isEqualTo("t");
    assertThat(records.read(record(ENVELOPE, authenticated())).traceId()).as("defaults to the message id")
        .isEqualTo("m-1");
  }

  @Test
  void anythingButAnAuthenticatedEnvelopeIsPoison() {
    assertThatThrownBy(() -> records.read(record(null, authenticated()))).isInstanceOf(PoisonRecord.class);
    assertThatThrownBy(() -> records.read(record("{not json", authenticated()))).isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> records.read(record("[1, 2]", authenticated()))).isInstanceOf(PoisonRecord.class);
    assertThatThrownBy(() -> records.read(record(ENVELOPE.replace("\"type\": \"product_revoke\", ", ""),
        authenticated()))).isInstanceOf(PoisonRecord.class).hasMessageContaining("/type");
    assertThatThrownBy(() -> records.read(record(ENVELOPE, Map.of(RecordHeaders.SENDER_KEY, KEY))))
        .isInstanceOf(PoisonRecord.class).hasMessageContaining(RecordHeaders.SENDER);
    assertThatThrownBy(() -> records.read(record(ENVELOPE, Map.of(RecordHeaders.SENDER, "not an id!",
        RecordHeaders.SENDER_KEY, KEY)))).isInstanceOf(PoisonRecord.class).hasMessageContaining("malformed");
    assertThatThrownBy(() -> records.read(record(ENVELOPE, Map.of(RecordHeaders.SENDER, SENDER,
        RecordHeaders.SENDER_KEY, "short")))).isInstanceOf(PoisonRecord.class);
  }
}
