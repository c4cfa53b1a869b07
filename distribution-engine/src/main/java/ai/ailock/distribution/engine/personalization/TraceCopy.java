package ai.ailock.distribution.engine.personalization;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.Transfers;
import java.time.Clock;
import java.util.Map;

/**
 * {@code transfers-copy-trace}: the seller names the license fingerprint it found in a leaked file (an entry comment,
 * the archive comment or LICENSE.txt) and learns the purchase it was made for. Only the seller who made the copy gets
 * an answer; everyone else learns nothing, not even that the fingerprint exists. Each lookup is audited.
 */
public final class TraceCopy {
  private final ProductCopies copies;
  private final Transfers transfers;
  private final AuditLog audit;
  private final Clock clock;

  public TraceCopy(ProductCopies copies, Transfers transfers, AuditLog audit, Clock clock) {
    this.copies = copies;
    this.transfers = transfers;
    this.audit = audit;
    this.clock = clock;
  }

  /** The copy and the transfer (buyer, state, dates) it was made for. */
  public record Traced(ProductCopy copy, Transfer transfer) {}

  /** @throws DistributionException {@code not_found} unless {@code seller} made a copy with this fingerprint */
  public Traced trace(Caller seller, String licenseFingerprint) {
    ProductCopy copy = copies.byFingerprint(seller.ailock(), licenseFingerprint)
        .orElseThrow(() -> new DistributionException(ErrorCode.NOT_FOUND, "none of your copies has this fingerprint"));
    Transfer transfer = transfers.find(new TransferId(copy.transfer())).orElseThrow();
    audit.record(AuditEntry.of(clock.instant(), seller.ailock().value(), "copy.traced", seller.meta())
        .transfer(copy.transfer()).product(copy.source().value())
        .with(Map.of("copy_product_id", copy.product().toString(), "license_fingerprint", licenseFingerprint)));
    return new Traced(copy, transfer);
  }
}
