package ai.ailock.distribution.engine.personalization;

import ai.ailock.distribution.engine.fixtures.ContractRows;
import ai.ailock.distribution.engine.fixtures.InMemoryProductCopies;
import ai.ailock.distribution.engine.fixtures.ProductCopiesContract;
import ai.ailock.distribution.engine.product.ProductCopies;

class InMemoryProductCopiesTest extends ProductCopiesContract {
  @Override
  protected ProductCopies newCopies() {
    return new InMemoryProductCopies();
  }

  @Override
  protected ContractRows rows() {
    return ContractRows.RANDOM;
  }
}
