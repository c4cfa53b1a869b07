package ai.ailock.distribution.server.inbox.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The headers of the records the service reads and writes (UTF-8 strings). */
final class RecordHeaders {
  /** Inbox: the Ailock that sent the record, as authenticated by the host. */
  static final String SENDER = "ailock-sender";
  /** Inbox: the key id the host verified the sender with. */
  static final String SENDER_KEY = "ailock-sender-key";
  /** Outbound: the message id (consumers drop duplicates by it). */
  static final String MESSAGE_ID = "ailock-message-id";
  /** Outbound: the interaction type. */
  static final String TYPE = "ailock-type";
  /** Outbound and replies: the Ailock the record is for. */
  static final String RECIPIENT = "ailock-recipient";
  /** Every record: the trace id carried through messages and logs. */
  static final String TRACE_ID = "ailock-trace-id";
  /** Replies: the message id of the inbox record answered. */
  static final String IN_REPLY_TO = "ailock-in-reply-to";

  private RecordHeaders() {}

  static Optional<String> read(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  static void write(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
