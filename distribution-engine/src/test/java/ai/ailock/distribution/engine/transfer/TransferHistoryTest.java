package ai.ailock.distribution.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.Page;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.fixtures.InMemoryTransfers;
import ai.ailock.distribution.engine.fixtures.TransferFixture;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferHistoryTest {
  private static final Instant NOW = TransferFixture.NOW;
  private final InMemoryTransfers transfers = new InMemoryTransfers();
  private final TransferHistory history = new TransferHistory(transfers);
  private final AilockId seller = new AilockId("seller");
  private final AilockId buyer = new AilockId("buyer");

  @Test
  void eachPartySeesItsOwnSideNewestFirstPageByPage() {
    Transfer older = offer(seller, buyer, NOW);
    Transfer newer = offer(seller, new AilockId("another-buyer"), NOW.plusSeconds(1));
    Transfer bought = offer(new AilockId("another-seller"), seller, NOW.plusSeconds(2));

    Page<Transfer> first = history.list(caller(seller), Party.SELLER, null, PageRequest.first(1));
    Page<Transfer> second = history.list(caller(seller), Party.SELLER, null, new PageRequest(first.next(), 1));

    assertThat(first.items()).containsExactly(newer);
    assertThat(second.items()).containsExactly(older);
    assertThat(second.next()).isNull();
    assertThat(history.list(caller(seller), Party.BUYER, null, PageRequest.first(10)).items()).containsExactly(bought);
    assertThat(history.list(caller(buyer), Party.BUYER, null, PageRequest.first(10)).items()).containsExactly(older);
    assertThat(history.list(caller(buyer), Party.SELLER, null, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void filtersByState() {
    Transfer offered = offer(seller, buyer, NOW);
    Transfer invoiced = offer(seller, buyer, NOW.plusSeconds(1));
    transfers.update(((Decision.Accepted) invoiced.invoice(NOW.plusSeconds(2))).transfer());

    assertThat(history.list(caller(seller), Party.SELLER, TransferState.OFFERED, PageRequest.first(10)).items())
        .containsExactly(offered);
    assertThat(history.list(caller(seller), Party.SELLER, TransferState.INVOICED, PageRequest.first(10)).items())
        .extracting(Transfer::id).containsExactly(invoiced.id());
  }

  private Transfer offer(AilockId from, AilockId to, Instant at) {
    Transfer transfer = Transfer.offer(new TransferId(UUID.randomUUID()), new ProductId(UUID.randomUUID()), from, to,
        new ProductPolicy(7, 1, TransferFixture.PRICE, java.util.List.of()), at, at.plus(Duration.ofDays(7)));
    transfers.add(transfer);
    return transfer;
  }

  private static Caller caller(AilockId ailock) {
    return new Caller(ailock, new KeyId("0".repeat(32)), RequestMeta.internal("test"));
  }
}
