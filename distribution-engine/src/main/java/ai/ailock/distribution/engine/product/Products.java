package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The product catalogue. Implementations are thread-safe. */
public interface Products {

  void add(Product product);

  Optional<Product> find(ProductId id);

  /** @return the product if {@code owner} owns it; others learn nothing, not even that it exists */
  default Optional<Product> findOwned(ProductId id, AilockId owner) {
    return find(id).filter(product -> product.ownedBy(owner));
  }

  /**
   * @return up to {@code limit} of the products {@code owner} registered (personalized copies are not listed), newest
   *     first by {@link PageCursor} order, only those after {@code after} (older) if it is given and only those with
   *     {@code status} if it is given
   */
  List<Product> catalogue(AilockId owner, @Nullable ProductStatus status, @Nullable PageCursor after, int limit);

  /**
   * Publishes {@code content} as the product's current version, if the product is still a draft. The upload
   * session of this product and {@code content.version()} is completed before (in the same transaction); its
   * chunks are the content's.
   *
   * @return false if the product was not a draft any more (another completion won; nothing changed)
   */
  boolean publish(ProductId id, ProductContent content, Instant expiresAt);
}
