package ai.ailock.distribution.engine.dispute;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditTrail;
import ai.ailock.distribution.engine.delivery.DeliveryReceipts;
import ai.ailock.distribution.engine.delivery.DownloadSessions;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.util.List;
import java.util.Optional;

/**
 * {@code products-dispute-evidence}: the evidence bundle of a transfer, for its seller (who answers a chargeback): the
 * signed receipt, the download sessions, the buyer's delivery events with their addresses, user agents and times, and
 * the state and payment timeline. Read-only.
 */
public final class AssembleEvidence {
  private final TransferChanges changes;
  private final Products products;
  private final ProductCopies copies;
  private final DeliveryReceipts receipts;
  private final DownloadSessions sessions;
  private final AuditTrail trail;

  public AssembleEvidence(TransferChanges changes, Products products, ProductCopies copies,
      DeliveryReceipts receipts, DownloadSessions sessions, AuditTrail trail) {
    this.changes = changes;
    this.products = products;
    this.copies = copies;
    this.receipts = receipts;
    this.sessions = sessions;
    this.trail = trail;
  }

  /**
   * @throws DistributionException {@code not_seller} for the buyer, {@code transfer_not_found} for anyone else
   */
  public EvidenceBundle assemble(Caller seller, TransferId id) {
    Transfer transfer = changes.visibleTo(id, seller.ailock());
    if (!transfer.seller().equals(seller.ailock())) {
      throw new DistributionException(ErrorCode.NOT_SELLER, "the evidence bundle is the seller's");
    }
    String buyer = transfer.buyer().value();
    Optional<ProductCopy> copy = copies.forTransfer(id.value());
    Optional<ProductContent> content = products.find(copy.map(ProductCopy::product).orElse(transfer.product()))
        .map(Product::content);
    List<AuditEntry> entries = trail.ofTransfer(id.value());
    return new EvidenceBundle(transfer, content.map(ProductContent::manifestSha256).orElse(null),
        content.map(ProductContent::ciphertextSha256).orElse(null), receipts.find(id), sessions.ofTransfer(id),
        entries.stream().filter(e -> e.action().startsWith("delivery.") && e.actor().equals(buyer)).toList(),
        entries.stream().filter(e -> e.action().startsWith("transfer.") || e.action().startsWith("payment.")).toList(),
        copy);
  }
}
