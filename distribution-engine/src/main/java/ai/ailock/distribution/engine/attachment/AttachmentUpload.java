package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.engine.upload.UploadState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A chunked upload of one attachment's ciphertext ({@code dist_upload_sessions} with purpose {@code attachment}).
 *
 * @param contentType the plaintext's media type as the buyer declared it, checked against the input's
 *     {@code mime_types}
 * @param plaintextSize the plaintext's size as declared, checked against {@code max_size_mb}; {@code totalSize} must
 *     be its exact encrypted length
 */
public record AttachmentUpload(UploadId id, TransferId transfer, String inputId, AilockId owner, String contentType,
    long plaintextSize, long totalSize, int chunkSize, int chunkCount, String storageType, BlobKey storagePrefix,
    UploadState state, @Nullable String ciphertextSha256, Instant createdAt, Instant expiresAt) {

  /**
   * @return this upload as the upload engine's chunk intake sees a session. The transfer id stands in the product
   *     slot: {@code AcceptChunk} only uses a session's owner, geometry, state, expiry and storage prefix.
   */
  public UploadSession asUploadSession() {
    return new UploadSession(id, new ProductId(transfer.value()), 1, owner, totalSize, chunkSize, chunkCount,
        storageType, storagePrefix, state, ciphertextSha256, createdAt, expiresAt);
  }
}
