package ai.ailock.distribution.engine.blob;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stores opaque, already-encrypted blobs. The service never hands plaintext to a store.
 *
 * <p>Contract shared by every implementation (checked by one contract test suite):
 * <ul>
 *   <li>Objects are immutable: {@link #put} never replaces an existing object; it refuses with
 *       {@link BlobAlreadyExistsException}. Callers that need idempotent writes derive the key from
 *       the content (for example its SHA-256), so an existing object under the key holds the same bytes.
 *   <li>Writes are all-or-nothing: if the content stream throws, ends early or is longer than the
 *       declared length, no object is visible under the key afterwards.
 *   <li>Everything is streamed; no implementation holds a whole blob in memory.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface BlobStore {

  /** Short name of the backend, persisted as {@code storage_type}: {@code "filesystem"} or {@code "s3"}. */
  String type();

  /**
   * Stores exactly {@code length} bytes read from {@code content} under {@code key}.
   *
   * @throws BlobAlreadyExistsException if an object already exists under {@code key}; nothing changed
   * @throws BlobStoreException if the backend fails or the stream throws, ends before {@code length}
   *     bytes or has more; nothing is stored. The stream's exception, if any, is the cause.
   */
  void put(BlobKey key, InputStream content, long length);

  /**
   * Opens {@code length} bytes of the object starting at {@code offset}.
   *
   * @return the bytes, or empty if no object exists under {@code key}; the caller closes the stream
   * @throws IllegalArgumentException if the range is negative or extends past the object's end
   * @throws BlobStoreException if the backend fails
   */
  Optional<InputStream> open(BlobKey key, long offset, long length);

  /** Opens the whole object; see {@link #open(BlobKey, long, long)}. */
  Optional<InputStream> open(BlobKey key);

  /** @return the object's size in bytes, or empty if none exists under {@code key} */
  Optional<Long> size(BlobKey key);

  /**
   * Where the object lies on a local filesystem, for stores that keep it in one file: an HTTP layer may then send
   * it with zero copies ({@code sendfile}). The file is the store's: read it, never write, move or delete it.
   *
   * @return the object's file, or empty if the store has none (S3) or no object exists under {@code key}
   */
  default Optional<Path> localFile(BlobKey key) {
    return Optional.empty();
  }

  /** Deletes the object if it exists. Idempotent. */
  void delete(BlobKey key);

  /** Deletes every object whose key starts with {@code prefix + "/"}. Idempotent. */
  void deleteAll(BlobKey prefix);
}
