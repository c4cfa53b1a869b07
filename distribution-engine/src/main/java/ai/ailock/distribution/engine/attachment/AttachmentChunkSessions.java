package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.engine.upload.UploadSessions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Attachment uploads seen through the {@link UploadSessions} port, so the upload engine's {@code AcceptChunk} takes
 * attachment chunks with exactly the rules (and the race handling) it applies to product chunks. Only the operations
 * chunk intake uses are supported; the others belong to product uploads.
 */
final class AttachmentChunkSessions implements UploadSessions {
  private final AttachmentUploads uploads;

  AttachmentChunkSessions(AttachmentUploads uploads) {
    this.uploads = uploads;
  }

  @Override
  public Optional<UploadSession> find(UploadId id) {
    return uploads.find(id).map(AttachmentUpload::asUploadSession);
  }

  @Override
  public List<StoredChunk> chunks(UploadId id) {
    return uploads.chunks(id);
  }

  @Override
  public Optional<StoredChunk> chunk(UploadId id, int index) {
    return uploads.chunk(id, index);
  }

  @Override
  public Optional<Held> hold(UploadId id, StoredChunk chunk) {
    return uploads.hold(id, chunk);
  }

  @Override
  public boolean add(UploadSession session) {
    throw unsupported();
  }

  @Override
  public Optional<UploadSession> current(ProductId product, int contentVersion) {
    throw unsupported();
  }

  @Override
  public Optional<PublishedChunk> publishedChunk(ProductId product, int index) {
    throw unsupported();
  }

  @Override
  public boolean complete(UploadId id, String ciphertextSha256, Instant at) {
    throw unsupported();
  }

  @Override
  public boolean expire(UploadId id, Instant now) {
    throw unsupported();
  }

  @Override
  public List<UploadSession> expireDue(Instant now, int limit) {
    throw unsupported();
  }

  @Override
  public void dropChunks(UploadId id) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("attachment sessions support chunk intake only");
  }
}
