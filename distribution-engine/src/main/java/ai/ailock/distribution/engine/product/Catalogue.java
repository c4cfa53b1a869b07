package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Page;
import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.identity.Caller;
import org.jspecify.annotations.Nullable;

/**
 * {@code products-list} and {@code products-get}: a seller reads back its own products. Nobody else learns that a
 * product exists.
 */
public final class Catalogue {
  private final Products products;

  public Catalogue(Products products) {
    this.products = products;
  }

  /** @return a page of the caller's products (not its personalized copies), newest first */
  public Page<Product> list(Caller owner, @Nullable ProductStatus status, PageRequest page) {
    return Page.of(products.catalogue(owner.ailock(), status, page.after(), page.limit() + 1), page,
        Catalogue::position);
  }

  /** @throws DistributionException {@code product_not_found} unless the caller owns the product */
  public Product get(Caller owner, ProductId id) {
    return products.findOwned(id, owner.ailock())
        .orElseThrow(() -> new DistributionException(ErrorCode.PRODUCT_NOT_FOUND, "no such product"));
  }

  public static PageCursor position(Product product) {
    return new PageCursor(product.createdAt(), product.id().value());
  }
}
