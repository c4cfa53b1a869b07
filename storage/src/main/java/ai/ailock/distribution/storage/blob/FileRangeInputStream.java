package ai.ailock.distribution.storage.blob;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A byte range of a file, read with positional reads straight into the caller's array. Owns the channel and
 * closes it on {@link #close()}. Not thread-safe.
 */
final class FileRangeInputStream extends InputStream {
  private static final int TRANSFER_BUFFER_SIZE = 256 * 1024;

  private final FileChannel channel;
  private long position;
  private long remaining;

  FileRangeInputStream(FileChannel channel, long offset, long length) {
    this.channel = channel;
    this.position = offset;
    this.remaining = length;
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
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      return -1;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
    if (n < 0) {
      throw new EOFException("blob file ended " + remaining + " bytes early");
    }
    position += n;
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, remaining));
    position += skipped;
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(remaining, Integer.MAX_VALUE);
  }

  @Override
  public long transferTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    byte[] buffer = new byte[(int) Math.min(TRANSFER_BUFFER_SIZE, Math.max(1, remaining))];
    long transferred = 0;
    int n;
    while ((n = read(buffer, 0, buffer.length)) > 0) {
      out.write(buffer, 0, n);
      transferred += n;
    }
    return transferred;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
