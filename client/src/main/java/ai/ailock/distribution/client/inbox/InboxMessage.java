package ai.ailock.distribution.client.inbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message the service sent to this Ailock (docs/api.md, "Interactions and ailock-batch").
 *
 * @param cursor the message's position in the inbox; the listener resumes after the last one it handled
 * @param messageId unique per message; a message delivered twice carries the same id
 * @param type the interaction type, e.g. {@code payment_confirmed}
 * @param transferId the transfer the message is about (its ordering key)
 * @param payload the interaction's payload, as its schema ({@code schemas/interaction-*.schema.json}) describes it
 */
public record InboxMessage(long cursor, String messageId, String type, String transferId, @Nullable String traceId,
    Instant createdAt, JsonNode payload) {

  /** {@code payment_confirmed}: the transfer is paid (to the seller again once the post-payment inputs are in). */
  public static final String PAYMENT_CONFIRMED = "payment_confirmed";
  /** {@code product_delivery}: the seller granted; the buyer can ask for its ticket. */
  public static final String PRODUCT_DELIVERY = "product_delivery";
  /** {@code delivery_receipt}: the buyer acknowledged with its signed receipt. */
  public static final String DELIVERY_RECEIPT = "delivery_receipt";

  /** @return the message as one entry of {@code inbox-poll}'s {@code messages} */
  public static InboxMessage of(JsonNode json) {
    JsonNode trace = json.path("trace_id");
    return new InboxMessage(json.path("cursor").asLong(), json.path("message_id").asString(),
        json.path("type").asString(), json.path("transfer_id").asString(),
        trace.isString() ? trace.asString() : null, Instant.parse(json.path("created_at").asString()),
        json.path("payload"));
  }

  /** @return the transfer's state the payload reports (as the change that sent it left it), or empty */
  public String state() {
    return payload.path("state").asString("");
  }

  @Override
  public String toString() {
    return "InboxMessage[" + type + " " + messageId + " about " + transferId + " at " + cursor + "]";
  }
}
