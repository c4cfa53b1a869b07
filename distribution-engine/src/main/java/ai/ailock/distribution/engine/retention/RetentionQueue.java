package ai.ailock.distribution.engine.retention;

import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.List;

/**
 * What retention has to do, leased so that several instances can sweep at once: each row goes to one sweeper
 * ({@code FOR UPDATE SKIP LOCKED}). Call the first three inside one transaction per batch; the locks last until it
 * ends. Implementations are thread-safe.
 */
public interface RetentionQueue {

  /**
   * Marks up to {@code limit} {@code ready} products whose {@code expires_at} has passed as {@code purged} (their
   * manifest is dropped; hashes stay for the record).
   *
   * @return the products marked
   */
  List<ExpiredProduct> purgeDue(Instant now, int limit);

  /** @return the product's transfers in a non-terminal state, locked for update */
  List<TransferId> liveTransfersOf(ProductId product);

  /**
   * @return up to {@code limit} transfers whose access period ({@code expires_at}) has passed and which still have
   *     something to end: a non-terminal state other than {@code acknowledged}, or a key envelope not destroyed yet
   */
  List<TransferId> transfersDue(Instant now, int limit);

  /**
   * Leases up to {@code limit} purged products whose blobs are not deleted yet and not leased since
   * {@code leasedBefore}, marking them leased at {@code now}. Runs in its own short transaction: the blobs are
   * deleted outside any.
   */
  List<ExpiredProduct> leaseBlobDeletion(Instant now, Instant leasedBefore, int limit);

  /** Records that the product's blobs are gone. */
  void blobsDeleted(ProductId product, Instant at);

  /**
   * Leases up to {@code limit} attachments whose transfer's {@code expires_at} has passed, not purged yet and not
   * leased since {@code leasedBefore}, marking them leased at {@code now}. Runs in its own short transaction: the
   * blobs are deleted outside any.
   */
  List<ExpiredAttachment> leaseAttachmentPurge(Instant now, Instant leasedBefore, int limit);

  /** Records that the attachment's blobs are gone: it is no longer served. */
  void attachmentPurged(ExpiredAttachment attachment, Instant at);
}
