package ai.ailock.distribution.engine.blob;

/** {@link BlobStore#put} found an object under the key already; the store is unchanged. */
public final class BlobAlreadyExistsException extends BlobStoreException {
  private static final long serialVersionUID = 1L;

  public BlobAlreadyExistsException(BlobKey key) {
    super("blob already exists: " + key);
  }
}
