package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.fixtures.ProductCopiesContract;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcProductCopies} against the {@link ProductCopies} contract, on a fresh database with real rows. */
class JdbcProductCopiesIT extends ProductCopiesContract {
  private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.fresh());
  private final AilockId buyer = Rows.ailock(jdbc);

  @Override
  protected ProductCopies newCopies() {
    return new JdbcProductCopies(jdbc);
  }

  @Override
  protected AilockId newAilock() {
    return Rows.ailock(jdbc);
  }

  @Override
  protected ProductId newProduct(AilockId owner) {
    return Rows.draftProduct(jdbc, owner);
  }

  @Override
  protected UUID newTransfer(ProductId product, AilockId seller) {
    Transfer offered = Transfer.offer(new TransferId(UUID.randomUUID()), product, seller, buyer,
        new ProductPolicy(7, 1, new Price(1500, "usd"), List.of()), NOW, NOW.plus(Duration.ofDays(7)));
    new JdbcTransfers(jdbc).add(offered);
    return offered.id().value();
  }
}
