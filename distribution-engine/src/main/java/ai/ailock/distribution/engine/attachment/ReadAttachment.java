package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.upload.StoredChunk;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/**
 * {@code attachments-get} and {@code attachments-download}: the seller fetches what a buyer attached to an input (the
 * envelope sealed to the seller and the ciphertext), to decrypt on its side. Only the transfer's seller reads it; the
 * buyer who uploaded it gets {@code not_seller}, anyone else learns nothing ({@code attachment_not_found}).
 */
public final class ReadAttachment {
  private final TransferChanges changes;
  private final Attachments attachments;
  private final AttachmentUploads uploads;
  private final BlobStore blobs;

  public ReadAttachment(TransferChanges changes, Attachments attachments, AttachmentUploads uploads, BlobStore blobs) {
    this.changes = changes;
    this.attachments = attachments;
    this.uploads = uploads;
    this.blobs = blobs;
  }

  /** @throws DistributionException {@code attachment_not_found}, {@code not_seller} */
  public Attachment get(Caller seller, AttachmentId id) {
    Attachment attachment = attachments.find(id).orElseThrow(ReadAttachment::notFound);
    Transfer transfer;
    try {
      transfer = changes.visibleTo(attachment.transfer(), seller.ailock());
    } catch (DistributionException invisible) {
      throw notFound();
    }
    if (!transfer.seller().equals(seller.ailock())) {
      throw new DistributionException(ErrorCode.NOT_SELLER, "only the transfer's seller reads its attachments");
    }
    return attachment;
  }

  /**
   * @return the attachment's whole ciphertext, its chunks in order, each opened when the one before is read; the
   *     caller closes it
   * @throws BlobStoreException (while reading) if a chunk is missing from the store
   */
  public InputStream ciphertext(Attachment attachment) {
    List<StoredChunk> chunks = uploads.chunks(attachment.upload()).stream()
        .sorted(Comparator.comparingInt(StoredChunk::index)).toList();
    Iterator<StoredChunk> next = chunks.iterator();
    return new SequenceInputStream(new Enumeration<>() {
      @Override
      public boolean hasMoreElements() {
        return next.hasNext();
      }

      @Override
      public InputStream nextElement() {
        StoredChunk chunk = next.next();
        return blobs.open(chunk.blobKey()).orElseThrow(() -> new BlobStoreException(
            "chunk " + chunk.index() + " of attachment " + attachment.id() + " is missing from the store"));
      }
    });
  }

  private static DistributionException notFound() {
    return new DistributionException(ErrorCode.ATTACHMENT_NOT_FOUND, "no such attachment");
  }
}
