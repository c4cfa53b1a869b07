package ai.ailock.distribution.engine.personalization;

import ai.ailock.distribution.engine.fixtures.InMemoryProductCopies;
import ai.ailock.distribution.engine.fixtures.ProductCopiesContract;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductId;
import java.util.UUID;

class InMemoryProductCopiesTest extends ProductCopiesContract {
  @Override
  protected ProductCopies newCopies() {
    return new InMemoryProductCopies();
  }

  @Override
  protected AilockId newAilock() {
    return new AilockId("ailock-" + UUID.randomUUID());
  }

  @Override
  protected ProductId newProduct(AilockId owner) {
    return new ProductId(UUID.randomUUID());
  }

  @Override
  protected UUID newTransfer(ProductId product, AilockId seller) {
    return UUID.randomUUID();
  }
}
