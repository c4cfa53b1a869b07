package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to an inbound message: accepted (with the transfer's id and state afterwards) or refused with a stable
 * {@code code}, a detail and, for validation, the JSON pointers of the violations.
 *
 * @param replayed true if this answer was stored for an earlier message with the same id and nothing was done now
 */
public record InteractionReply(String messageId, boolean accepted, @Nullable String transferId, @Nullable String state,
    @Nullable String code, @Nullable String detail, List<Violation> violations, boolean replayed) {

  public InteractionReply {
    violations = List.copyOf(violations);
  }

  public static InteractionReply accepted(String messageId, String transferId, String state, boolean replayed) {
    return new InteractionReply(messageId, true, transferId, state, null, null, List.of(), replayed);
  }

  public static InteractionReply refused(String messageId, ErrorCode code, String detail, List<Violation> violations) {
    return new InteractionReply(messageId, false, null, null, code.wire(), detail, violations, false);
  }

  public static InteractionReply refused(String messageId, DistributionException e) {
    return refused(messageId, e.code(), String.valueOf(e.getMessage()), e.violations());
  }

  /**
   * @return the wire form: {@code {message_id, accepted: true, transfer_id, state, replayed}} or
   *     {@code {message_id, accepted: false, code, detail, violations: [{pointer, message}]}}
   */
  public ObjectNode toWire() {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("message_id", messageId);
    json.put("accepted", accepted);
    if (accepted) {
      json.put("transfer_id", transferId);
      json.put("state", state);
      json.put("replayed", replayed);
      return json;
    }
    json.put("code", code);
    json.put("detail", detail);
    ArrayNode pointers = json.putArray("violations");
    violations.forEach(v -> pointers.addObject().put("pointer", v.pointer()).put("message", v.message()));
    return json;
  }
}
