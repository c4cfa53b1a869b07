package ai.ailock.distribution.engine.retention;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.delivery.DestroyAccess;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.transfer.Transfers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The retention sweep (plan §10: 7 days after upload by default, revoke on expiry). Safe on several instances at once.
 * <ol>
 *   <li>Products past their {@code expires_at} become {@code purged}; each of their live transfers ends (below).
 *   <li>Transfers past their own {@code expires_at} end the same way.
 *   <li>Purged products' ciphertext is deleted from the blob store, outside any transaction; a crash leaves the
 *       product leased, and the next sweep after {@link #BLOB_LEASE} deletes again (deletion is idempotent).
 *   <li>Buyers' attachments of transfers past their {@code expires_at} are deleted the same way and no longer served:
 *       what a buyer gave the seller is kept no longer than the access period it was given for.
 * </ol>
 * A transfer ends as {@code expired} where the transition table allows it ({@code offered}, {@code invoiced},
 * {@code delivered}), else {@code revoked} ({@code paid}, {@code paid_pending_inputs}, {@code disputed}: paid but never
 * delivered, and an alert is due: the buyer should be refunded), and an {@code acknowledged} transfer keeps its state.
 * In every case its key envelope is destroyed and its claims and download sessions revoked.
 */
public final class EnforceRetention {
  /** How long a blob deletion lease lasts before another sweep may retry it. */
  public static final Duration BLOB_LEASE = Duration.ofMinutes(10);
  private static final System.Logger log = System.getLogger(EnforceRetention.class.getName());

  private final RetentionQueue queue;
  private final Transfers transfers;
  private final TransferChanges changes;
  private final DestroyAccess destroyAccess;
  private final BlobStore blobs;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public EnforceRetention(RetentionQueue queue, Transfers transfers, TransferChanges changes,
      DestroyAccess destroyAccess, BlobStore blobs, AuditLog audit, Transactions transactions, Clock clock) {
    this.queue = queue;
    this.transfers = transfers;
    this.changes = changes;
    this.destroyAccess = destroyAccess;
    this.blobs = blobs;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What one sweep did. */
  public record Swept(int products, int transfers, int blobSets, int attachments) {
    public boolean any() {
      return products + transfers + blobSets + attachments > 0;
    }
  }

  /** @param batch the most rows of each kind this call handles */
  public Swept sweep(int batch) {
    RequestMeta meta = RequestMeta.internal("retention-" + clock.instant().toEpochMilli());
    int[] ended = {0};
    int products = transactions.inTransaction(() -> {
      Instant now = clock.instant();
      List<ExpiredProduct> purged = queue.purgeDue(now, batch);
      for (ExpiredProduct product : purged) {
        audit.record(AuditEntry.of(now, "policy:retention", "product.purged", meta).product(product.id().value())
            .with(Map.of("expires_at", product.expiresAt().toString())));
        for (TransferId id : queue.liveTransfersOf(product.id())) {
          end(id, now, meta);
          ended[0]++;
        }
      }
      return purged.size();
    });
    ended[0] += transactions.inTransaction(() -> {
      Instant now = clock.instant();
      List<TransferId> due = queue.transfersDue(now, batch);
      due.forEach(id -> end(id, now, meta));
      return due.size();
    });
    Instant now = clock.instant();
    List<ExpiredProduct> leased = transactions.inTransaction(() ->
        queue.leaseBlobDeletion(now, now.minus(BLOB_LEASE), batch));
    for (ExpiredProduct product : leased) {
      blobs.deleteAll(product.storagePointer());
      queue.blobsDeleted(product.id(), clock.instant());
    }
    List<ExpiredAttachment> attachments = transactions.inTransaction(() ->
        queue.leaseAttachmentPurge(now, now.minus(BLOB_LEASE), batch));
    for (ExpiredAttachment attachment : attachments) {
      blobs.deleteAll(attachment.storagePointer());
      transactions.inTransaction(() -> {
        Instant at = clock.instant();
        queue.attachmentPurged(attachment, at);
        audit.record(AuditEntry.of(at, "policy:retention", "attachment.purged", meta)
            .transfer(attachment.transfer().value()).with(Map.of("attachment_id", attachment.id().toString())));
        return null;
      });
    }
    return new Swept(products, ended[0], leased.size(), attachments.size());
  }

  private void end(TransferId id, Instant now, RequestMeta meta) {
    Transfer transfer = transfers.find(id).orElseThrow();
    String actor = "policy:retention";
    Transfer after = transfer;
    Decision decision = transfer.state().canMoveTo(TransferState.EXPIRED) ? transfer.expire(now)
        : transfer.revoke(now, "retention");
    if (decision instanceof Decision.Accepted accepted) {
      after = changes.store(accepted, actor, meta);
      if (after.state() == TransferState.REVOKED) {
        log.log(System.Logger.Level.WARNING, "ALERT retention revoked transfer " + id + " in state "
            + transfer.state().wire() + ": it was paid but never delivered; refund the buyer");
      }
    }
    destroyAccess.destroy(after, now, actor, "retention", meta);
  }
}
