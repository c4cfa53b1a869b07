package ai.ailock.distribution.storage.jdbc;

import static ai.ailock.distribution.storage.jdbc.Rows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.transfer.OutboundMessage;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The transactional outbox, its relay and the processed-messages store on a fresh database. */
class JdbcOutboxIT {
  private final DataSource dataSource = MigratedDatabase.fresh();
  private final JdbcClient jdbc = JdbcClient.create(dataSource);
  private final Transactions transactions = Rows.transactions(dataSource);
  private final AilockId seller = Rows.ailock(jdbc);
  private final AilockId buyer = Rows.ailock(jdbc);
  private final ProductId product = Rows.draftProduct(jdbc, seller);
  private final JdbcTransfers transfers = new JdbcTransfers(jdbc);
  private final JdbcOutbox outbox = new JdbcOutbox(jdbc, new MutableClock());

  private Transfer offer() {
    return Transfer.offer(new TransferId(UUID.randomUUID()), product, seller, buyer,
        new ProductPolicy(5, 3, new Price(1500, "usd"), List.of()), NOW, NOW.plus(Duration.ofDays(5)));
  }

  private OutboundMessage message(Transfer transfer, String type) {
    return new OutboundMessage(type, transfer.id(), buyer, Map.of("transfer_id", transfer.id().toString(),
        "amount", 1500), "trace-1");
  }

  @Test
  void aMessageIsStoredIfAndOnlyIfItsStateChangeCommits() {
    Transfer committed = offer();
    Transfer rolledBack = offer();
    transactions.inTransaction(() -> {
      transfers.add(committed);
      outbox.send(message(committed, OutboundMessage.PRODUCT_OFFER));
      return null;
    });
    assertThatThrownBy(() -> transactions.inTransaction(() -> {
      transfers.add(rolledBack);
      outbox.send(message(rolledBack, OutboundMessage.PRODUCT_OFFER));
      throw new IllegalStateException("crash before commit");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(outbox.pending(10)).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo(committed.id().toString());
      assertThat(p.type()).isEqualTo("product_offer");
      assertThat(p.recipient()).isEqualTo(buyer.value());
      assertThat(p.traceId()).isEqualTo("trace-1");
      assertThat(p.payloadJson()).contains("\"amount\": 1500");
    });
    assertThat(transfers.find(rolledBack.id())).isEmpty();
  }

  @Test
  void aCrashAfterPublishingDeliversOnceToADeduplicatingConsumer() {
    Transfer transfer = offer();
    transactions.inTransaction(() -> {
      transfers.add(transfer);
      outbox.send(message(transfer, OutboundMessage.PRODUCT_OFFER));
      outbox.send(message(transfer, OutboundMessage.PAYMENT_REQUEST));
      return null;
    });
    List<UUID> transport = new ArrayList<>();
    Set<UUID> consumed = new LinkedHashSet<>();
    List<String> consumedTypes = new ArrayList<>();
    boolean[] crash = {true};
    var relay = new OutboxRelay(outbox, new RelayLock(dataSource), m -> {
      transport.add(m.messageId());
      if (consumed.add(m.messageId())) {
        consumedTypes.add(m.type());
      }
      if (crash[0]) { // the transport took it, then the relay died before marking it published
        crash[0] = false;
        throw new IllegalStateException("relay crashed");
      }
    });

    assertThat(relay.relay(10)).isZero(); // the second message waits behind the first (same transfer)
    assertThat(relay.relay(10)).isEqualTo(2);
    assertThat(relay.relay(10)).isZero();

    assertThat(transport).hasSize(3);
    assertThat(consumed).hasSize(2);
    assertThat(consumedTypes).containsExactly("product_offer", "payment_request");
    assertThat(outbox.pending(10)).isEmpty();
    assertThat(jdbc.sql("SELECT attempts FROM dist_outbox ORDER BY id").query(Integer.class).list())
        .containsExactly(2, 1);
  }

  @Test
  void aFailedPublishIsRetriedAndOnlyItsOwnTransferWaits() {
    Transfer first = offer();
    Transfer second = offer();
    transactions.inTransaction(() -> {
      transfers.add(first);
      transfers.add(second);
      outbox.send(message(first, OutboundMessage.PRODUCT_OFFER));
      outbox.send(message(second, OutboundMessage.PRODUCT_OFFER));
      outbox.send(message(first, OutboundMessage.PAYMENT_REQUEST));
      return null;
    });
    List<String> delivered = new ArrayList<>();
    boolean[] down = {true};
    var relay = new OutboxRelay(outbox, new RelayLock(dataSource), m -> {
      if (down[0] && m.key().equals(first.id().toString())) {
        throw new IllegalStateException("broker unavailable");
      }
      delivered.add(m.key() + ":" + m.type());
    });

    assertThat(relay.relay(10)).isEqualTo(1);
    assertThat(jdbc.sql("SELECT last_error FROM dist_outbox ORDER BY id LIMIT 1").query(String.class).single())
        .contains("broker unavailable");
    down[0] = false;
    assertThat(relay.relay(10)).isEqualTo(2);

    assertThat(delivered).containsExactly(second.id() + ":product_offer", first.id() + ":product_offer",
        first.id() + ":payment_request");
  }

  @Test
  void aSecondRelayPublishesNothingWhileTheFirstRunsAndTakesOverAfterwards() {
    Transfer transfer = offer();
    transactions.inTransaction(() -> {
      transfers.add(transfer);
      outbox.send(message(transfer, OutboundMessage.PRODUCT_OFFER));
      return null;
    });
    List<String> byOther = new ArrayList<>();
    var other = new OutboxRelay(outbox, new RelayLock(dataSource), m -> byOther.add(m.type()));
    int[] otherDuringRun = {-1};
    var first = new OutboxRelay(outbox, new RelayLock(dataSource), m -> otherDuringRun[0] = other.relay(10));

    assertThat(first.relay(10)).isEqualTo(1);
    assertThat(otherDuringRun[0]).as("the other instance's run while the first held the lock").isZero();
    assertThat(byOther).isEmpty();

    transactions.inTransaction(() -> {
      outbox.send(message(transfer, OutboundMessage.PAYMENT_REQUEST));
      return null;
    });
    assertThat(other.relay(10)).as("the lock was released").isEqualTo(1);
    assertThat(byOther).containsExactly("payment_request");
  }

  @Test
  void processedMessagesAreClaimedOnceAndReplayTheirOutcome() {
    var processed = new JdbcProcessedMessages(jdbc);
    boolean first = transactions.inTransaction(() -> {
      boolean claimed = processed.claim("inbox:a:m-1", NOW);
      processed.settle("inbox:a:m-1", "{\"transfer_id\":\"t\",\"state\":\"disputed\"}");
      return claimed;
    });
    assertThat(first).isTrue();
    assertThat(processed.claim("inbox:a:m-1", NOW)).isFalse();
    assertThat(processed.outcome("inbox:a:m-1")).hasValueSatisfying(o -> assertThat(o).contains("\"disputed\""));
    assertThatThrownBy(() -> transactions.inTransaction(() -> {
      processed.claim("inbox:a:m-2", NOW);
      throw new IllegalStateException("refused");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(processed.outcome("inbox:a:m-2")).isEmpty();
  }
}
