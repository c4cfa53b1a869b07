package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import tools.jackson.databind.JsonNode;

/**
 * One interaction delivered to the service's inbox.
 *
 * @param messageId the sender's id for this message; a duplicate id from the same sender is answered as before
 * @param type the wire type, e.g. {@code product_offer} (unknown types are refused, not thrown)
 * @param sender the Ailock that sent it, as authenticated by the host (never read from the payload)
 * @param senderKey the key the host verified the sender's signature with
 * @param recipient the addressee as written by the sender (the service's inbox)
 * @param traceId carried into logs and the audit trail
 * @param payload the type's JSON payload, validated against {@link InteractionType#schema()}
 */
public record InboundMessage(String messageId, String type, AilockId sender, KeyId senderKey, String recipient,
    String traceId, JsonNode payload) {

  public InboundMessage {
    if (messageId.isBlank() || messageId.length() > 128) {
      throw new IllegalArgumentException("a message id has 1 to 128 characters");
    }
  }
}
