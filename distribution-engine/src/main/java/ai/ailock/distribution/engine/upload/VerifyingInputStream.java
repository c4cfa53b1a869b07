package ai.ailock.distribution.engine.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Passes through exactly {@code expectedLength} bytes whose SHA-256 must be {@code expectedSha256}, and withholds
 * the last bytes when it is not: the read that would complete the content throws instead, so a store writing
 * from this stream never sees a whole object and keeps nothing. It also throws if the source ends early or
 * has bytes past the expected length. {@link #failure()} tells which rule failed.
 */
final class VerifyingInputStream extends FilterInputStream {
  /** Why the chunk was refused; {@code INTERRUPTED}: the body itself failed (the client went away). */
  enum Failure { TOO_SHORT, TOO_LONG, HASH_MISMATCH, INTERRUPTED }

  private final MessageDigest digest;
  private final byte[] expectedSha256;
  private long remaining;
  private @Nullable Failure failure;

  VerifyingInputStream(InputStream source, long expectedLength, String expectedSha256Hex) {
    super(source);
    this.remaining = expectedLength;
    this.expectedSha256 = HexFormat.of().parseHex(expectedSha256Hex);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  @Nullable Failure failure() {
    return failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (failure != null) {
      throw new IOException("chunk rejected: " + failure);
    }
    if (remaining == 0) {
      return -1;
    }
    int n;
    try {
      n = in.read(buffer, offset, (int) Math.min(length, remaining));
    } catch (IOException e) {
      failure = Failure.INTERRUPTED;
      throw e;
    }
    if (n == -1) {
      throw fail(Failure.TOO_SHORT);
    }
    digest.update(buffer, offset, n);
    remaining -= n;
    if (remaining == 0) {
      if (in.read() != -1) {
        throw fail(Failure.TOO_LONG);
      }
      if (!MessageDigest.isEqual(digest.digest(), expectedSha256)) {
        throw fail(Failure.HASH_MISMATCH);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping would bypass verification");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private IOException fail(Failure reason) {
    failure = reason;
    return new IOException("chunk rejected: " + reason);
  }
}
