package ai.ailock.distribution.engine.dispute;

import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.delivery.DownloadSession;
import ai.ailock.distribution.engine.delivery.StoredReceipt;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.transfer.Transfer;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the seller can show about a transfer in a dispute (Stripe asks for an {@code access_activity_log} for digital
 * goods: who downloaded what, when, from which address and software).
 *
 * @param manifestSha256 the hash of the manifest of what was delivered (the copy, if any), as receipts name it
 * @param ciphertextSha256 the hash of the ciphertext served
 * @param receipt the buyer's verified, signed receipt, if it sent one
 * @param sessions the download sessions, oldest first
 * @param accessLog the buyer's delivery events: tickets issued, sessions opened, manifest and chunks served,
 *     completions
 * @param timeline the transfer's state changes and payment events
 * @param copy the buyer's personalized copy (its license fingerprint identifies what the buyer holds), if it had one
 */
public record EvidenceBundle(Transfer transfer, @Nullable String manifestSha256, @Nullable String ciphertextSha256,
    Optional<StoredReceipt> receipt, List<DownloadSession> sessions, List<AuditEntry> accessLog,
    List<AuditEntry> timeline, Optional<ProductCopy> copy) {

  public EvidenceBundle {
    sessions = List.copyOf(sessions);
    accessLog = List.copyOf(accessLog);
    timeline = List.copyOf(timeline);
  }
}
