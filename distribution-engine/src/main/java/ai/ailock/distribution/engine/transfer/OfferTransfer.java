package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.schemas.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code products-offer}: the seller (the caller) offers one of its ready products to another registered Ailock, on
 * the product's policy with the offer's overrides ({@link TransferTerms}). The offer lives until the product's
 * retention ends or the offer's own retention (counted from now) does, whichever comes first.
 */
public final class OfferTransfer {
  private final Products products;
  private final ProductCopies copies;
  private final ContentChecks checks;
  private final Identities identities;
  private final Transfers transfers;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final Messenger messenger;

  /**
   * @param copies personalized copies, which are never offered (each was made for one transfer)
   * @param checks content reports: a reported product is not offered
   * @param messenger sends {@code product_offer} to the buyer in the offer's transaction
   */
  public OfferTransfer(Products products, ProductCopies copies, ContentChecks checks, Identities identities,
      Transfers transfers, AuditLog audit, Transactions transactions, Clock clock, Supplier<UUID> ids,
      Messenger messenger) {
    this.messenger = messenger;
    this.products = products;
    this.copies = copies;
    this.checks = checks;
    this.identities = identities;
    this.transfers = transfers;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
  }

  public record Command(ProductId product, AilockId recipient, TransferTerms.Overrides overrides) {}

  /**
   * @throws DistributionException {@code product_not_found} (not the caller's), {@code product_not_ready},
   *     {@code product_expired}, {@code validation_failed} (a personalized copy), {@code content_quarantined},
   *     {@code offer_to_self}, {@code ailock_not_found}, {@code price_required},
   *     {@code validation_failed}
   */
  public Transfer offer(Caller seller, Command command) {
    Product product = products.findOwned(command.product(), seller.ailock())
        .orElseThrow(() -> new DistributionException(ErrorCode.PRODUCT_NOT_FOUND, "no such product"));
    Instant now = clock.instant();
    if (product.status() != ProductStatus.READY) {
      throw new DistributionException(ErrorCode.PRODUCT_NOT_READY, "the product's content has not been uploaded");
    }
    if (product.expired(now)) {
      throw new DistributionException(ErrorCode.PRODUCT_EXPIRED, "the product's retention period has ended");
    }
    if (checks.quarantined(product.id())) {
      throw new DistributionException(ErrorCode.CONTENT_QUARANTINED,
          "the product was reported (malware or abuse) and is quarantined until a reviewer clears it");
    }
    if (copies.byProduct(product.id()).isPresent()) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "a personalized copy cannot be offered",
          List.of(new Violation("/product_id", "is a copy made for one transfer; offer the product it copies")));
    }
    if (command.recipient().equals(seller.ailock())) {
      throw new DistributionException(ErrorCode.OFFER_TO_SELF, "an Ailock cannot sell to itself");
    }
    if (identities.activeKey(command.recipient()).isEmpty()) {
      throw new DistributionException(ErrorCode.AILOCK_NOT_FOUND, "the recipient is not a registered Ailock");
    }
    ProductPolicy terms = TransferTerms.resolve(product.policy(), command.overrides());
    Instant retentionEnd = now.plus(Duration.ofDays(terms.retentionDays()));
    Instant productEnd = Objects.requireNonNull(product.expiresAt());
    Instant expiresAt = productEnd.isBefore(retentionEnd) ? productEnd : retentionEnd;
    Transfer transfer = Transfer.offer(new TransferId(ids.get()), product.id(), seller.ailock(), command.recipient(),
        terms, now, expiresAt);
    return transactions.inTransaction(() -> {
      transfers.add(transfer);
      audit.record(AuditEntry.of(now, seller.ailock().value(), "transfer.offered", seller.meta())
          .transfer(transfer.id().value()).product(product.id().value())
          .with(Map.of("to", TransferState.OFFERED.wire(), "recipient", command.recipient().value(),
              "amount", Long.toString(transfer.price().amount()), "currency", transfer.price().currency(),
              "expires_at", expiresAt.toString())));
      messenger.send(new OutboundMessage(OutboundMessage.PRODUCT_OFFER, transfer.id(), transfer.buyer(), Map.of(
          "transfer_id", transfer.id().toString(), "product_id", product.id().toString(), "recipient", transfer.buyer().value(), "seller",
          seller.ailock().value(), "amount", transfer.price().amount(), "currency", transfer.price().currency(),
          "expires_at", expiresAt.toString()), seller.meta().requestId()));
      return transfer;
    });
  }
}
