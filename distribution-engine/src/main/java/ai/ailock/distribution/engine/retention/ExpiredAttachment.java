package ai.ailock.distribution.engine.retention;

import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.transfer.TransferId;

/** A buyer's attachment whose transfer's access period ended, and the prefix its ciphertext chunks live under. */
public record ExpiredAttachment(AttachmentId id, TransferId transfer, BlobKey storagePointer) {}
