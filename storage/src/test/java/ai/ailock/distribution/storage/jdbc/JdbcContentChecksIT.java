package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.fixtures.ContentChecksContract;
import ai.ailock.distribution.engine.fixtures.ContractRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link JdbcContentChecks} against the {@link ContentChecks} contract, on a fresh database with real rows. */
class JdbcContentChecksIT extends ContentChecksContract {
  private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.fresh());

  @Override
  protected ContentChecks newChecks() {
    return new JdbcContentChecks(jdbc);
  }

  @Override
  protected ContractRows rows() {
    return new JdbcContractRows(jdbc);
  }
}
