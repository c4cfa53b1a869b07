package ai.ailock.distribution.storage.blob;

import ai.ailock.distribution.engine.blob.BlobStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hands out exactly the declared number of bytes of a caller's stream, or fails.
 *
 * <p>When the source holds more than declared, the read that would deliver the last declared bytes fails
 * instead, so a consumer that stops at the declared length (an HTTP client sending {@code Content-Length}
 * bytes) never completes a body built from an over-long source. Every failure, the source's own or a length
 * mismatch, is thrown as a {@link ContentStreamFailure} and remembered, so a store can report it even when a
 * library in between wrapped or replaced the exception.
 *
 * <p>Closing this stream leaves the source open: the caller of {@code put} owns it. Not thread-safe.
 */
final class ExactLengthInputStream extends InputStream {
  private final InputStream source;
  private final long length;
  private long remaining;
  private boolean sourceEndChecked;
  private @Nullable ContentStreamFailure failure;

  ExactLengthInputStream(InputStream source, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
    this.source = Objects.requireNonNull(source, "content");
    this.length = length;
    this.remaining = length;
  }

  /** @return the failure this stream threw, if any */
  Optional<ContentStreamFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /** Checks a zero-length source is really empty; consumers may never read a body of length 0. */
  void requireEmptyWhenZeroLength() throws ContentStreamFailure {
    if (length == 0) {
      requireSourceEnd();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (failure != null) {
      throw failure;
    }
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      requireSourceEnd();
      return -1;
    }
    int n = readSource(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw fail("content ended after " + (length - remaining) + " of " + length + " bytes", null);
    }
    remaining -= n;
    if (remaining == 0) {
      requireSourceEnd();
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return failure != null ? 0 : (int) Math.min(remaining, source.available());
  }

  @Override
  public void close() {
    // the source belongs to the caller of put
  }

  private void requireSourceEnd() throws ContentStreamFailure {
    if (sourceEndChecked) {
      return;
    }
    int next;
    try {
      next = source.read();
    } catch (IOException | RuntimeException e) {
      throw fail("content stream failed", e);
    }
    if (next >= 0) {
      throw fail("content is longer than the declared " + length + " bytes", null);
    }
    sourceEndChecked = true;
  }

  private int readSource(byte[] b, int off, int len) throws ContentStreamFailure {
    try {
      return source.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      throw fail("content stream failed after " + (length - remaining) + " bytes", e);
    }
  }

  private ContentStreamFailure fail(String message, @Nullable Throwable sourceException) {
    failure = new ContentStreamFailure(message, sourceException);
    return failure;
  }

  /** The content stream threw, ended early or was longer than declared. */
  static final class ContentStreamFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Throwable sourceException;

    ContentStreamFailure(String message, @Nullable Throwable sourceException) {
      super(message, sourceException);
      this.sourceException = sourceException;
    }

    /** @return the port's exception for this failure: the source's exception, if any, is the cause */
    BlobStoreException toBlobStoreException(Object key) {
      String message = "nothing stored under " + key + ": " + getMessage();
      return sourceException == null
          ? new BlobStoreException(message)
          : new BlobStoreException(message, sourceException);
    }
  }
}
