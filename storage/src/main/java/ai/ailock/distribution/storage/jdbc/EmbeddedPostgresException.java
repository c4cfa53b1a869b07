package ai.ailock.distribution.storage.jdbc;

/** {@link EmbeddedPostgresServer} could not start or stop; the cause, if any, carries the underlying failure. */
public final class EmbeddedPostgresException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddedPostgresException(String message) {
    super(message);
  }

  public EmbeddedPostgresException(String message, Throwable cause) {
    super(message, cause);
  }
}
