package ai.ailock.distribution.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.batch.BatchOperations.Request;
import ai.ailock.distribution.batch.BatchOperations.Result;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.messaging.ProcessedMessages;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
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

class BatchOperationsTest {
  private static final SchemaValidator VALIDATOR = new SchemaValidator();

  private final DeliveryFixture fixture = new DeliveryFixture();
  private final Map<String, String> rows = new HashMap<>();
  private final BatchOperations batch = new BatchOperations(fixture.commerce().offerTransfer(),
      new DescribeTransfer(fixture.commerce().changes(), fixture.commerce().payments().intents()),
      fixture.issueTicket(), fixture.acknowledgeDelivery(), receipt -> {
        throw new UnsupportedOperationException();
      }, fixture.revokeAccess(), new MapProcessedMessages(rows), new RollbackTransactions(rows), VALIDATOR,
      fixture.engine().clock());

  private static Request op(String id, String op, String args) {
    return new Request(id, op, WireJson.mapper().readTree(args));
  }

  @Test
  void eachOpIsAnsweredInOrderAndOneRefusalLeavesTheOthers() {
    Transfer offered = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    Transfer paid = fixture.paid();

    List<Result> results = batch.run(fixture.buyer(), List.of(
        op("1", "confirm_payment", "{\"transfer_id\":\"" + offered.id() + "\"}"),
        op("2", "confirm_payment", "{\"transfer_id\":\"" + paid.id() + "\"}"),
        op("3", "teleport", "{}"),
        op("4", "revoke_access", "{\"transfer_id\":\"nope\",\"extra\":1}")));

    assertThat(results).extracting(Result::id).containsExactly("1", "2", "3", "4");
    assertThat(results.get(0).code()).isEqualTo("not_paid");
    assertThat(results.get(1).ok()).isTrue();
    assertThat(results.get(1).result().get("state").asString()).isEqualTo("paid");
    assertThat(results.get(2).code()).isEqualTo("malformed_request");
    assertThat(results.get(3).code()).isEqualTo("validation_failed");
    assertThat(results.get(3).violations()).extracting(Violation::pointer).containsExactly("/extra", "/transfer_id");
    assertThat(fixture.transfer(offered.id()).state()).isEqualTo(TransferState.OFFERED);
  }

  @Test
  void anOpIdIsActedOnOnceAndReplayed() {
    Transfer template = fixture.commerce().offered(DeliveryFixture.policy(1, List.of()));
    Request offer = op("offer-1", "init_product_transfer", "{\"product_id\":\"" + template.product()
        + "\",\"recipient\":\"" + fixture.buyer().ailock().value() + "\"}");
    int transfersBefore = fixture.engine().audit().entries("transfer.offered").size();

    Result first = batch.run(fixture.seller(), List.of(offer)).get(0);
    Result again = batch.run(fixture.seller(), List.of(offer)).get(0);

    assertThat(first.ok()).as(String.valueOf(first)).isTrue();
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.result()).isEqualTo(first.result());
    assertThat(fixture.engine().audit().entries("transfer.offered")).hasSize(transfersBefore + 1);
    assertThat(rows).containsKey("batch:" + fixture.seller().ailock().value() + ":offer-1");
  }

  @Test
  void ticketsAreIssuedButNeverStoredAndRevocationGoesThroughTheUseCase() {
    var ticket = fixture.delivered(DeliveryFixture.policy(2, List.of()));
    String id = ticket.transfer().id().toString();

    Result issued = batch.run(fixture.buyer(), List.of(op("t", "get_delivery_ticket",
        "{\"transfer_id\":\"" + id + "\"}"))).get(0);
    Result revoked = batch.run(fixture.seller(), List.of(op("r", "revoke_access",
        "{\"transfer_id\":\"" + id + "\",\"reason\":\"refund agreed\"}"))).get(0);
    Result ticketAfter = batch.run(fixture.buyer(), List.of(op("t", "get_delivery_ticket",
        "{\"transfer_id\":\"" + id + "\"}"))).get(0);

    assertThat(issued.ok()).as(String.valueOf(issued)).isTrue();
    assertThat(issued.result().get("claim_token").asString()).isNotBlank();
    assertThat(rows.keySet()).noneMatch(k -> k.endsWith(":t"));
    assertThat(revoked.result().get("state").asString()).isEqualTo("revoked");
    assertThat(ticketAfter.ok()).isFalse();
    assertThat(ticketAfter.code()).isEqualTo("access_revoked");
  }

  record MapProcessedMessages(Map<String, String> rows) implements ProcessedMessages {
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

  record RollbackTransactions(Map<String, String> rows) implements Transactions {
    @Override public <T> T inTransaction(Supplier<T> work) {
      var before = new HashMap<>(rows);
      try {
        return work.get();
      } catch (RuntimeException e) {
        rows.clear();
        rows.putAll(before);
        throw e;
      }
    }
  }
}
