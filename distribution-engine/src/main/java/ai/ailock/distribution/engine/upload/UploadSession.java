package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A chunked upload of one ciphertext of {@code totalSize} bytes, cut into {@code chunkCount} chunks of
 * {@code chunkSize} bytes (the last one shorter or equal). Chunks may arrive in any order and more than once.
 */
public record UploadSession(
    UploadId id,
    ProductId product,
    int contentVersion,
    AilockId owner,
    long totalSize,
    int chunkSize,
    int chunkCount,
    String storageType,
    BlobKey storagePrefix,
    UploadState state,
    @Nullable String ciphertextSha256,
    Instant createdAt,
    Instant expiresAt) {

  /** @return the exact length of chunk {@code index} */
  public int chunkLength(int index) {
    if (index < 0 || index >= chunkCount) {
      throw new IllegalArgumentException("chunk index out of range");
    }
    return index < chunkCount - 1 ? chunkSize : (int) (totalSize - (long) chunkSize * (chunkCount - 1));
  }

  /** @return the byte offset of chunk {@code index} in the ciphertext */
  public long chunkOffset(int index) {
    return (long) chunkSize * index;
  }

  /** @return true if chunks may still be added and the upload completed */
  public boolean acceptsChunks(Instant now) {
    return state == UploadState.OPEN && now.isBefore(expiresAt);
  }

  /** Where the chunk with this index and content lives. The hash in the key means one key, one content. */
  public BlobKey chunkKey(int index, String sha256) {
    return storagePrefix.resolve(String.format("chunk-%06d-%s", index, sha256));
  }

  public static int chunkCount(long totalSize, int chunkSize) {
    return Math.toIntExact((totalSize + chunkSize - 1) / chunkSize);
  }
}
