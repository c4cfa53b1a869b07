package ai.ailock.distribution.engine.download;

import ai.ailock.distribution.engine.blob.BlobKey;
import java.io.InputStream;

/**
 * Ciphertext bytes of one chunk, or of a range of it. The caller closes {@code bytes}.
 *
 * @param chunkLength the whole chunk's length
 * @param sha256 the whole chunk's SHA-256 (lowercase hex)
 * @param blobKey where the chunk lives in the blob store (for zero-copy serving, see {@code BlobStore.localFile})
 * @param offset where {@code bytes} start inside the chunk
 * @param length how many bytes {@code bytes} yields
 */
public record ChunkContent(int index, int chunkLength, String sha256, BlobKey blobKey, long offset, long length,
    InputStream bytes) {
  public boolean partial() {
    return length != chunkLength;
  }
}
