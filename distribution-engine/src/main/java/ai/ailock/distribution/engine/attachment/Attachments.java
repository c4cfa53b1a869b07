package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.upload.UploadId;
import java.util.Optional;

/** Completed attachments. Implementations are thread-safe. */
public interface Attachments {

  /** @return false if the upload already has an attachment (nothing changed) */
  boolean add(Attachment attachment);

  /** @return the attachment, unless retention purged it (its transfer's access period ended) */
  Optional<Attachment> find(AttachmentId id);

  Optional<Attachment> byUpload(UploadId upload);
}
