package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.List;

/** Feeds a ciphertext's stored chunks, in order, into a digest by streaming them; never holds more than one buffer. */
public final class CiphertextDigest {
  private static final int BUFFER_BYTES = 256 * 1024;

  private final BlobStore blobs;

  public CiphertextDigest(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * Feeds the chunks' stored bytes, in the given order, into {@code digest}.
   *
   * @throws BlobStoreException if a chunk is missing from the store or cannot be read
   */
  void update(MessageDigest digest, List<StoredChunk> chunksInOrder) {
    byte[] buffer = new byte[BUFFER_BYTES];
    for (StoredChunk chunk : chunksInOrder) {
      try (InputStream in = blobs.open(chunk.blobKey())
          .orElseThrow(() -> new BlobStoreException("chunk " + chunk.index() + " is missing from the store"))) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          digest.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
