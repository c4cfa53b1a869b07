package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.upload.AcceptChunk;
import ai.ailock.distribution.engine.upload.TrailingDigests;
import ai.ailock.distribution.engine.upload.UploadId;
import java.io.InputStream;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * {@code attachments-upload-chunk}: one chunk of an attachment's ciphertext, taken by the upload engine's
 * {@link AcceptChunk} (same rules, codes and race handling as product chunks) over the attachment sessions.
 */
public final class AcceptAttachmentChunk {
  private final AcceptChunk acceptChunk;

  public AcceptAttachmentChunk(AttachmentUploads uploads, BlobStore blobs, TrailingDigests digests, Limits limits,
      Clock clock) {
    this.acceptChunk = new AcceptChunk(new AttachmentChunkSessions(uploads), blobs, digests, limits, clock);
  }

  /** @see AcceptChunk#accept */
  public AcceptChunk.Accepted accept(Caller caller, UploadId uploadId, int index, String sha256,
      @Nullable Long declaredLength, InputStream body) {
    return acceptChunk.accept(caller, uploadId, index, sha256, declaredLength, body);
  }
}
