package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.schemas.Violation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Registers a product (metadata and policy) for the calling Ailock; content is uploaded afterwards. */
public final class CreateProduct {
  private final Products products;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Limits limits;
  private final ContentTypePolicy contentTypes;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public CreateProduct(Products products, AuditLog audit, Transactions transactions, Limits limits,
      ContentTypePolicy contentTypes, Clock clock, Supplier<UUID> ids) {
    this.products = products;
    this.audit = audit;
    this.transactions = transactions;
    this.limits = limits;
    this.contentTypes = contentTypes;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * The checks of what an owner declares about a product's content, also for a personalized copy.
   *
   * @throws DistributionException {@code validation_failed} ({@code /size} negative), {@code product_too_large},
   *     {@code content_type_not_allowed} ({@code /content_type})
   */
  public static void checkDeclared(long size, String contentType, long maxBytes, ContentTypePolicy contentTypes) {
    if (size < 0) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the product's size must not be negative",
          List.of(new Violation("/size", "must be 0 or more")));
    }
    if (size > maxBytes) {
      throw new DistributionException(ErrorCode.PRODUCT_TOO_LARGE, "products are limited to " + maxBytes + " bytes");
    }
    contentTypes.check(contentType, "/content_type");
  }

  /** A product as its owner describes it; {@code size} is in plaintext bytes. */
  public record Command(String title, String contentType, long size, ProductPolicy policy) {}

  /**
   * @throws DistributionException {@code validation_failed} for a negative size, {@code product_too_large} beyond
   *     the size limit, {@code content_type_not_allowed} for a type the content-type policy refuses
   */
  public Product create(Caller caller, Command command) {
    checkDeclared(command.size(), command.contentType(), limits.maxProductBytes(), contentTypes);
    var product = new Product(new ProductId(ids.get()), caller.ailock(), command.title(), command.contentType(),
        command.size(), Product.ENCRYPTION_ALGO, ProductStatus.DRAFT, command.policy(), null, clock.instant(), null);
    return transactions.inTransaction(() -> {
      products.add(product);
      audit.record(AuditEntry.of(clock.instant(), caller.ailock().value(), "product.created", caller.meta())
          .product(product.id().value())
          .with(Map.of("size", Long.toString(product.size()), "content_type", product.contentType())));
      return product;
    });
  }
}
