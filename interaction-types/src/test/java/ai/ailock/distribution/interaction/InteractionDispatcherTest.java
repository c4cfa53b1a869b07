package ai.ailock.distribution.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.dispute.OpenDispute;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.messaging.ProcessedMessages;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InteractionDispatcherTest {
  private static final SchemaValidator VALIDATOR = new SchemaValidator();

  private final DeliveryFixture fixture = new DeliveryFixture();
  private final MapProcessedMessages processed = new MapProcessedMessages();
  private final InteractionDispatcher dispatcher = new InteractionDispatcher(
      new InteractionRegistry(InteractionHandlers.standard(fixture.commerce().offerTransfer(),
          fixture.acknowledgeDelivery(), receipt -> {
            throw new UnsupportedOperationException();
          }, fixture.revokeAccess(), new OpenDispute(fixture.commerce().changes(), fixture.throttle(), fixture.engine().clock()))),
      VALIDATOR, processed, new RollbackTransactions(processed), fixture.engine().clock());

  @Test
  void aDuplicateActsOnceAndReplaysTheStoredOutcome() {
    Transfer paid = fixture.paid();
    InboundMessage message = message("m-1", "product_dispute", fixture.buyer(),
        "{\"transfer_id\":\"" + paid.id() + "\",\"reason\":\"not as described\"}");
    int auditBefore = fixture.engine().audit().entries().size();

    InteractionReply first = dispatcher.dispatch(message);
    InteractionReply second = dispatcher.dispatch(message);

    assertThat(first.accepted()).isTrue();
    assertThat(first.replayed()).isFalse();
    assertThat(first.state()).isEqualTo("disputed");
    assertThat(second).isEqualTo(new InteractionReply("m-1", true, paid.id().toString(), "disputed", null, null,
        List.of(), true));
    assertThat(fixture.transfer(paid.id()).state()).isEqualTo(TransferState.DISPUTED);
    assertThat(fixture.engine().audit().entries()).hasSize(auditBefore + 1);
  }

  @Test
  void theSameIdFromAnotherSenderIsAnotherMessage() {
    Transfer paid = fixture.paid();
    String payload = "{\"transfer_id\":\"" + paid.id() + "\",\"reason\":\"late\"}";
    assertThat(dispatcher.dispatch(message("m-1", "product_dispute", fixture.buyer(), payload)).accepted()).isTrue();

    InteractionReply other = dispatcher.dispatch(message("m-1", "product_dispute", fixture.seller(), payload));

    assertThat(other.accepted()).isFalse();
    assertThat(other.code()).isEqualTo("illegal_transition");
  }

  @Test
  void aMalformedPayloadIsRefusedWithItsPointersAndChangesNothing() {
    Transfer paid = fixture.paid();
    int auditBefore = fixture.engine().audit().entries().size();

    InteractionReply reply = dispatcher.dispatch(message("m-2", "product_dispute", fixture.buyer(),
        "{\"transfer_id\":\"" + paid.id() + "\",\"reason\":\"\",\"extra\":1}"));

    assertThat(reply.accepted()).isFalse();
    assertThat(reply.code()).isEqualTo("validation_failed");
    assertThat(reply.violations()).extracting(Violation::pointer).containsExactly("/extra", "/reason");
    assertThat(fixture.transfer(paid.id()).state()).isEqualTo(TransferState.PAID);
    assertThat(fixture.engine().audit().entries()).hasSize(auditBefore);
    assertThat(processed.rows).isEmpty();
  }

  @Test
  void aRefusalIsNotStoredSoARetryIsEvaluatedAgain() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    InboundMessage message = message("m-3", "product_dispute", fixture.buyer(),
        "{\"transfer_id\":\"" + offered.id() + "\",\"reason\":\"never paid\"}");

    InteractionReply reply = dispatcher.dispatch(message);

    assertThat(reply.code()).isEqualTo("illegal_transition");
    assertThat(processed.rows).isEmpty();
  }

  @Test
  void unknownAndOutboundOnlyTypesAreRefused() {
    InteractionReply unknown = dispatcher.dispatch(message("m-4", "product_gift", fixture.buyer(), "{}"));
    InteractionReply outbound = dispatcher.dispatch(message("m-5", "payment_request", fixture.buyer(), "{}"));

    assertThat(unknown.code()).isEqualTo("unknown_interaction_type");
    assertThat(outbound.code()).isEqualTo("unknown_interaction_type");
    assertThat(outbound.detail()).contains("only sent by the service");
  }

  @Test
  void anInBandPaymentConfirmationIsRefused() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));

    InteractionReply reply = dispatcher.dispatch(message("m-6", "payment_confirmed", fixture.seller(),
        "{\"transfer_id\":\"" + offered.id() + "\",\"payment_ref\":\"pi_x\"}"));

    assertThat(reply.code()).isEqualTo("payment_confirmed_by_provider_only");
    assertThat(fixture.transfer(offered.id()).state()).isEqualTo(offered.state());
  }

  @Test
  void aProductOfferGoesThroughTheOfferUseCase() {
    Transfer template = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    // the same seller offers the same product again: one code path with products-offer, same rules
    InteractionReply reply = dispatcher.dispatch(message("m-7", "product_offer", fixture.seller(),
        "{\"product_id\":\"" + template.product() + "\",\"recipient\":\"" + fixture.buyer().ailock().value()
            + "\",\"policy\":{\"download_limit\":1}}"));

    assertThat(reply.accepted()).as(String.valueOf(reply)).isTrue();
    assertThat(reply.state()).isEqualTo("offered");
    assertThat(reply.transferId()).isNotEqualTo(template.id().toString());
  }

  @Test
  void theRegistryFailsFastOnDuplicateMissingOrOutboundHandlers() {
    var standard = InteractionHandlers.standard(fixture.commerce().offerTransfer(), fixture.acknowledgeDelivery(),
        r -> null, fixture.revokeAccess(), new OpenDispute(fixture.commerce().changes(), fixture.throttle(), fixture.engine().clock()));
    var duplicate = new java.util.ArrayList<InteractionHandler<?>>(standard);
    duplicate.add(standard.get(0));
    assertThatThrownBy(() -> new InteractionRegistry(duplicate)).hasMessageContaining("two handlers for product_offer");
    assertThatThrownBy(() -> new InteractionRegistry(standard.subList(1, standard.size())))
        .hasMessageContaining("no handler for product_offer");
    var outbound = new java.util.ArrayList<InteractionHandler<?>>(standard);
    outbound.add(new InteractionHandler<String>() {
      @Override public InteractionType type() { return InteractionType.PAYMENT_REQUEST; }
      @Override public Class<String> payloadType() { return String.class; }
      @Override public Transfer handle(String p, InteractionContext c) { throw new AssertionError(); }
    });
    assertThatThrownBy(() -> new InteractionRegistry(outbound)).hasMessageContaining("payment_request");
  }

  private static InboundMessage message(String id, String type, Caller sender, String json) {
    JsonNode payload = WireJson.mapper().readTree(json);
    return new InboundMessage(id, type, sender.ailock(), sender.keyId(), "distribution", "trace-" + id, payload);
  }

  /** Processed messages in a map; {@link RollbackTransactions} restores it when the work throws. */
  static final class MapProcessedMessages implements ProcessedMessages {
    final Map<String, String> rows = new HashMap<>();

    @Override public boolean claim(String key, Instant at) {
      return rows.putIfAbsent(key, "{}") == null;
    }

    @Override public void settle(String key, String outcomeJson) {
      rows.put(key, outcomeJson);
    }

    @Override public Optional<String> outcome(String key) {
      return Optional.ofNullable(rows.get(key));
    }
  }

  /** Rolls the processed messages back when the work throws (the engine's in-memory ports apply on success only). */
  record RollbackTransactions(MapProcessedMessages processed) implements Transactions {
    @Override public <T> T inTransaction(Supplier<T> work) {
      var before = new HashMap<>(processed.rows);
      try {
        return work.get();
      } catch (RuntimeException e) {
        processed.rows.clear();
        processed.rows.putAll(before);
        throw e;
      }
    }
  }
}
