package ai.ailock.distribution.interaction;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.messaging.ProcessedMessages;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one entry point of the inbox (the host calls {@link #dispatch}). Does the cross-cutting work once for every type:
 * <ol>
 *   <li>refuses unknown types and types the service only sends ({@code unknown_interaction_type});</li>
 *   <li>validates the payload against the type's JSON Schema ({@code validation_failed} with the JSON pointers);</li>
 *   <li>in one transaction: claims the message id in the processed-messages store (a duplicate replays the stored
 *       outcome and does nothing), runs the handler, stores the outcome;</li>
 *   <li>maps the result to an {@link InteractionReply}.</li>
 * </ol>
 * A refusal rolls the transaction back, claim included: nothing changed, and a retry with the same id is evaluated
 * again (the state may have moved on). Only accepted outcomes are replayed. Message ids are namespaced by the sender.
 *
 * <p>Known limit: the use cases' own retry on a lost compare-and-set ({@code TransferChanges.retrying}) joins this
 * enclosing transaction, so under a concurrent change of the same transfer the message fails (the host redelivers it)
 * instead of being retried here.
 */
public final class InteractionDispatcher {
  private final InteractionRegistry registry;
  private final SchemaValidator validator;
  private final ProcessedMessages processed;
  private final Transactions transactions;
  private final Clock clock;

  public InteractionDispatcher(InteractionRegistry registry, SchemaValidator validator, ProcessedMessages processed,
      Transactions transactions, Clock clock) {
    this.registry = registry;
    this.validator = validator;
    this.processed = processed;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Handles one message; never throws for a refusal (only for infrastructure failures). */
  public InteractionReply dispatch(InboundMessage message) {
    String id = message.messageId();
    Optional<InteractionType> type = InteractionType.fromWire(message.type());
    Optional<InteractionHandler<?>> handler = type.flatMap(registry::handler);
    if (type.isEmpty() || handler.isEmpty()) {
      return InteractionReply.refused(id, ErrorCode.UNKNOWN_INTERACTION_TYPE, type.isEmpty()
          ? "unknown interaction type" : message.type() + " is only sent by the service", List.of());
    }
    List<Violation> violations = validator.validate(type.get().schema(), message.payload());
    if (!violations.isEmpty()) {
      return InteractionReply.refused(id, ErrorCode.VALIDATION_FAILED, "the payload does not match its schema",
          violations);
    }
    var context = new InteractionContext(type.get(), id,
        new Caller(message.sender(), message.senderKey(), RequestMeta.internal(message.traceId())), message.traceId());
    String key = "inbox:" + message.sender().value() + ":" + id;
    try {
      return transactions.inTransaction(() -> {
        if (!processed.claim(key, clock.instant())) {
          return replay(id, key);
        }
        Transfer transfer = handle(handler.get(), message.payload(), context);
        ObjectNode outcome = WireJson.mapper().createObjectNode()
            .put("transfer_id", transfer.id().toString())
            .put("state", transfer.state().wire());
        processed.settle(key, outcome.toString());
        return InteractionReply.accepted(id, transfer.id().toString(), transfer.state().wire(), false);
      });
    } catch (DistributionException e) {
      return InteractionReply.refused(id, e);
    } catch (IllegalArgumentException e) {
      return InteractionReply.refused(id, ErrorCode.MALFORMED_REQUEST, "the payload was not understood", List.of());
    }
  }

  private <P> Transfer handle(InteractionHandler<P> handler, JsonNode payload, InteractionContext context) {
    P bound;
    try {
      bound = WireJson.mapper().treeToValue(payload, handler.payloadType());
    } catch (JacksonException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "the payload was not understood");
    }
    return handler.handle(bound, context);
  }

  private InteractionReply replay(String id, String key) {
    JsonNode stored = WireJson.mapper().readTree(processed.outcome(key)
        .orElseThrow(() -> new IllegalStateException("a claimed message has no outcome")));
    return InteractionReply.accepted(id, stored.path("transfer_id").asString(), stored.path("state").asString(), true);
  }
}
