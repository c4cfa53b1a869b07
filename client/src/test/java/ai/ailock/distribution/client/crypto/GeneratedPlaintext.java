package ai.ailock.distribution.client.crypto;

import java.io.InputStream;
import java.util.Objects;

/** A long deterministic plaintext produced on the fly: no array ever holds the message. */
final class GeneratedPlaintext extends InputStream {

  private final long length;
  private long position;

  GeneratedPlaintext(long length) {
    this.length = length;
  }

  static byte byteAt(long position) {
    long x = position * 0x9E3779B97F4A7C15L;
    return (byte) (x >>> 56 ^ position >>> 16);
  }

  @Override
  public int read() {
    return position < length ? byteAt(position++) & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (position >= length) {
      return len == 0 ? 0 : -1;
    }
    int n = (int) Math.min(len, length - position);
    for (int i = 0; i < n; i++) {
      b[off + i] = byteAt(position++);
    }
    return n;
  }
}
