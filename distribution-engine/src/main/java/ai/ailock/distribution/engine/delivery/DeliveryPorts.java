package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.ratelimit.Throttle;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.Transfers;
import ai.ailock.distribution.engine.upload.UploadSessions;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything the delivery use cases work with, passed as one context rather than growing parameter lists.
 *
 * @param copies the transfers' personalized copies, delivered instead of the products they copy
 * @param checks content reports: a reported product is quarantined
 * @param uploads where a published version's chunks are recorded
 * @param signatures strict Ed25519 verification (receipts)
 * @param throttle the rate limits on tickets, claims, acks and revocations
 */
public record DeliveryPorts(
    TransferChanges changes,
    Transfers transfers,
    Products products,
    ProductCopies copies,
    ContentChecks checks,
    UploadSessions uploads,
    BlobStore blobs,
    Identities identities,
    SignatureVerifier signatures,
    ProductKeys keys,
    Claims claims,
    DownloadSessions sessions,
    DeliveryReceipts receipts,
    ClaimTokens tokens,
    AuditLog audit,
    Transactions transactions,
    Clock clock,
    Supplier<UUID> ids,
    DeliverySettings settings,
    Throttle throttle) {

  /**
   * @return what the transfer delivers: its personalized copy once it has one (ready or not), else the product it
   *     offered
   */
  public Product deliveredProduct(Transfer transfer) {
    return copies.forTransfer(transfer.id().value())
        .map(copy -> products.find(copy.product()).orElseThrow())
        .orElseGet(() -> products.find(transfer.product()).orElseThrow());
  }

  /**
   * Content is not handed out while its product is quarantined: grants, tickets, download sessions and chunks stop;
   * receipts and disputes go on (they record what happened).
   *
   * @throws DistributionException {@code content_quarantined} if the transfer's product was reported
   */
  public void requireNotQuarantined(Transfer transfer) {
    if (checks.quarantined(transfer.product())) {
      throw new DistributionException(ErrorCode.CONTENT_QUARANTINED,
          "the product was reported (malware or abuse) and is quarantined until a reviewer clears it");
    }
  }
}
