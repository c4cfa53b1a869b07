package ai.ailock.distribution.engine.content;

import ai.ailock.distribution.engine.fixtures.ContentChecksContract;
import ai.ailock.distribution.engine.fixtures.InMemoryContentChecks;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import java.util.UUID;

class InMemoryContentChecksTest extends ContentChecksContract {
  @Override
  protected ContentChecks newChecks() {
    return new InMemoryContentChecks();
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
  protected UUID newTransfer(ProductId product, AilockId buyer) {
    return UUID.randomUUID();
  }
}
