package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSessions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Attachment upload sessions and their chunks. Chunk operations have the semantics of the same operations of
 * {@link UploadSessions}. Implementations are thread-safe.
 */
public interface AttachmentUploads {

  void add(AttachmentUpload upload);

  Optional<AttachmentUpload> find(UploadId id);

  /** @return the newest session for this transfer's input that is open and not past its deadline at {@code now} */
  Optional<AttachmentUpload> open(TransferId transfer, String inputId, Instant now);

  List<StoredChunk> chunks(UploadId id);

  Optional<StoredChunk> chunk(UploadId id, int index);

  /** @see UploadSessions#hold */
  Optional<UploadSessions.Held> hold(UploadId id, StoredChunk chunk);

  /** @return false if the session was not open (nothing changed) */
  boolean complete(UploadId id, String ciphertextSha256, Instant at);
}
