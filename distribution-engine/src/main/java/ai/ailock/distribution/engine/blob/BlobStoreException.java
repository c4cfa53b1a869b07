package ai.ailock.distribution.engine.blob;

/** A blob backend failed; the cause carries the backend's exception. */
public class BlobStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlobStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public BlobStoreException(String message) {
    super(message);
  }
}
