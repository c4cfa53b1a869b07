package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.fixtures.ContentChecksContract;
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

/** {@link JdbcContentChecks} against the {@link ContentChecks} contract, on a fresh database with real rows. */
class JdbcContentChecksIT extends ContentChecksContract {
  private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.fresh());

  @Override
  protected ContentChecks newChecks() {
    return new JdbcContentChecks(jdbc);
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
  protected UUID newTransfer(ProductId product, AilockId buyer) {
    AilockId seller = jdbc.sql("SELECT owner_ailock_id FROM dist_digital_products WHERE id = ?")
        .param(product.value()).query((rs, row) -> new AilockId(rs.getString(1))).single();
    Transfer offered = Transfer.offer(new TransferId(UUID.randomUUID()), product, seller, buyer,
        new ProductPolicy(7, 1, new Price(1500, "usd"), List.of()), NOW, NOW.plus(Duration.ofDays(7)));
    new JdbcTransfers(jdbc).add(offered);
    return offered.id().value();
  }
}
