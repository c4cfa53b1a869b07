package ai.ailock.distribution.engine.product;

import java.time.Instant;
import java.util.Optional;

/** The product catalogue. Implementations are thread-safe. */
public interface Products {

  void add(Product product);

  Optional<Product> find(ProductId id);

  /** @return the product if {@code owner} owns it; others learn nothing, not even that it exists */
  default Optional<Product> findOwned(ProductId id, ai.ailock.distribution.engine.identity.AilockId owner) {
    return find(id).filter(product -> product.ownedBy(owner));
  }

  /**
   * Publishes {@code content} as the product's current version, if the product is still a draft.
   *
   * @return false if the product was not a draft any more (another completion won; nothing changed)
   */
  boolean publish(ProductId id, ProductContent content, Instant expiresAt);
}
