package ai.ailock.distribution.engine.content;

import ai.ailock.distribution.engine.fixtures.ContentChecksContract;
import ai.ailock.distribution.engine.fixtures.ContractRows;
import ai.ailock.distribution.engine.fixtures.InMemoryContentChecks;

class InMemoryContentChecksTest extends ContentChecksContract {
  @Override
  protected ContentChecks newChecks() {
    return new InMemoryContentChecks();
  }

  @Override
  protected ContractRows rows() {
    return ContractRows.RANDOM;
  }
}
