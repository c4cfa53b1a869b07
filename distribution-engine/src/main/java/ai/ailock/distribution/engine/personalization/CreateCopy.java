package ai.ailock.distribution.engine.personalization;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.ContentTypePolicy;
import ai.ailock.distribution.engine.product.CreateProduct;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code transfers-copy-create}: the seller registers the personalized copy it built for one transfer's buyer. The
 * copy is a draft product of the seller (same title, the source's policy less the duty to personalize) that the
 * seller uploads through the product upload endpoints, with a manifest naming the transfer; it may exceed the product
 * size limit by {@link #ALLOWANCE_BYTES}. Allowed from the offer
 * until the grant; once the transfer is delivered its copy is what the buyer holds and never changes. Idempotent:
 * asking again with the same content type, size and fingerprint returns the same copy.
 */
public final class CreateCopy {
  /**
   * How far a copy may exceed the product size limit: what personalizing adds (LICENSE.txt, the license file, the
   * comments, a wrapping archive's headers) is a few KiB, and a product at the limit must still be deliverable.
   */
  public static final long ALLOWANCE_BYTES = 1 << 20;

  private final TransferChanges changes;
  private final Products products;
  private final ProductCopies copies;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Limits limits;
  private final ContentTypePolicy contentTypes;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public CreateCopy(TransferChanges changes, Products products, ProductCopies copies, AuditLog audit,
      Transactions transactions, Limits limits, ContentTypePolicy contentTypes, Clock clock, Supplier<UUID> ids) {
    this.changes = changes;
    this.products = products;
    this.copies = copies;
    this.audit = audit;
    this.transactions = transactions;
    this.limits = limits;
    this.contentTypes = contentTypes;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * @param size the copy's plaintext size in bytes
   * @param licenseFingerprint the seller's 32-hex-digit id of the signed license inside the copy
   */
  public record Command(TransferId transfer, String contentType, long size, String licenseFingerprint) {}

  /** The copy's product and what binds it to the transfer. */
  public record Created(Product product, ProductCopy copy) {}

  /**
   * @throws DistributionException {@code transfer_not_found}, {@code not_seller}, {@code validation_failed},
   *     {@code product_too_large}, {@code content_type_not_allowed}, {@code copy_conflict} (the transfer has another
   *     copy, or the fingerprint names another copy), {@code copy_locked} (delivered), {@code transfer_disputed},
   *     {@code access_revoked} (the transfer ended)
   */
  public Created create(Caller seller, Command command) {
    Transfer transfer = changes.visibleTo(command.transfer(), seller.ailock());
    if (!transfer.seller().equals(seller.ailock())) {
      throw new DistributionException(ErrorCode.NOT_SELLER, "only the transfer's seller may make its copy");
    }
    check(command);
    Optional<Created> existing = existing(transfer, command);
    if (existing.isPresent()) {
      return existing.get();
    }
    refuseUnlessBeforeGrant(transfer);
    Product source = products.find(transfer.product()).orElseThrow();
    Instant now = clock.instant();
    var product = new Product(new ProductId(ids.get()), seller.ailock(), source.title(), command.contentType(),
        command.size(), Product.ENCRYPTION_ALGO, ProductStatus.DRAFT, source.policy().ofCopy(), null, now, null);
    var copy = new ProductCopy(product.id(), source.id(), transfer.id().value(), seller.ailock(),
        command.licenseFingerprint(), now);
    try {
      return transactions.inTransaction(() -> {
        products.add(product);
        if (!copies.add(copy)) {
          throw conflict("the transfer has a copy already, or another copy has this license fingerprint");
        }
        audit.record(AuditEntry.of(now, seller.ailock().value(), "copy.created", seller.meta())
            .transfer(transfer.id().value()).product(source.id().value())
            .with(Map.of("copy_product_id", product.id().toString(), "license_fingerprint",
                command.licenseFingerprint(), "size", Long.toString(command.size()),
                "content_type", command.contentType())));
        return new Created(product, copy);
      });
    } catch (DistributionException raced) {
      // another request made the copy at the same time: the same copy is an answer, any other is not
      return existing(transfer, command).orElseThrow(() -> raced);
    }
  }

  private void check(Command command) {
    if (!ProductCopy.wellFormedFingerprint(command.licenseFingerprint())) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the license fingerprint is malformed",
          List.of(new Violation("/license_fingerprint", "must be 32 lowercase hex digits")));
    }
    CreateProduct.checkDeclared(command.size(), command.contentType(), limits.maxProductBytes() + ALLOWANCE_BYTES,
        contentTypes);
  }

  private Optional<Created> existing(Transfer transfer, Command command) {
    Optional<ProductCopy> found = copies.forTransfer(transfer.id().value());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ProductCopy copy = found.get();
    Product product = products.find(copy.product()).orElseThrow();
    if (product.contentType().equals(command.contentType()) && product.size() == command.size()
        && copy.licenseFingerprint().equals(command.licenseFingerprint())) {
      return Optional.of(new Created(product, copy));
    }
    throw conflict("the transfer has another copy already: product " + copy.product());
  }

  private static void refuseUnlessBeforeGrant(Transfer transfer) {
    switch (transfer.state()) {
      case OFFERED, INVOICED, PAID_PENDING_INPUTS, PAID -> { }
      case DELIVERED, ACKNOWLEDGED -> throw new DistributionException(ErrorCode.COPY_LOCKED,
          "the transfer was delivered; its content never changes afterwards");
      case DISPUTED -> throw new DistributionException(ErrorCode.TRANSFER_DISPUTED,
          "the transfer is disputed; no content is released until the dispute is settled");
      default -> throw new DistributionException(ErrorCode.ACCESS_REVOKED,
          "access ended: the transfer is " + transfer.state().wire());
    }
  }

  private static DistributionException conflict(String message) {
    return new DistributionException(ErrorCode.COPY_CONFLICT, message);
  }
}
