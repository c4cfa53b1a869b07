package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.fixtures.ContractRows;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real rows for the port contracts, written through the adapters: Ailocks, draft products, offered transfers. */
record JdbcContractRows(JdbcClient jdbc) implements ContractRows {

  @Override
  public AilockId newAilock() {
    return Rows.ailock(jdbc);
  }

  @Override
  public ProductId newProduct(AilockId owner) {
    return Rows.draftProduct(jdbc, owner);
  }

  @Override
  public UUID newTransfer(ProductId product, AilockId buyer) {
    AilockId seller = new JdbcProducts(jdbc).find(product).orElseThrow().owner();
    Transfer offered = Transfer.offer(new TransferId(UUID.randomUUID()), product, seller, buyer,
        new ProductPolicy(7, 1, new Price(1500, "usd"), List.of()), Rows.NOW, Rows.NOW.plus(Duration.ofDays(7)));
    new JdbcTransfers(jdbc).add(offered);
    return offered.id().value();
  }
}
