package ai.ailock.distribution.server.inbox;

import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of one message the service sends, the same for every transport: {@code message_id} (consumers drop
 * duplicates by it), {@code type}, {@code transfer_id} (the ordering key), {@code recipient}, {@code trace_id},
 * {@code created_at} and the type's {@code payload}.
 */
public final class OutboundEnvelope {
  private OutboundEnvelope() {}

  public static ObjectNode of(JdbcOutbox.Pending message) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("message_id", message.messageId().toString());
    json.put("type", message.type());
    json.put("transfer_id", message.key());
    json.put("recipient", message.recipient());
    json.put("trace_id", message.traceId());
    json.put("created_at", message.createdAt().toString());
    json.set("payload", WireJson.mapper().readTree(message.payloadJson()));
    return json;
  }
}
