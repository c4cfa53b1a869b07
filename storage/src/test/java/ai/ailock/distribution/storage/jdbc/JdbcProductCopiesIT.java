package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.fixtures.ContractRows;
import ai.ailock.distribution.engine.fixtures.ProductCopiesContract;
import ai.ailock.distribution.engine.product.ProductCopies;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcProductCopies} against the {@link ProductCopies} contract, on a fresh database with real rows. */
class JdbcProductCopiesIT extends ProductCopiesContract {
  private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.fresh());

  @Override
  protected ProductCopies newCopies() {
    return new JdbcProductCopies(jdbc);
  }

  @Override
  protected ContractRows rows() {
    return new JdbcContractRows(jdbc);
  }
}
