package ai.ailock.distribution.client.crypto;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Positioned reads of a whole Cobblestone ciphertext, for {@link CobblestoneRandomAccess}: a file,
 * a blob store range reader, an in-memory array. Implementations need not be thread-safe unless
 * shared between threads.
 */
public interface CiphertextSource {

  /** @return the total ciphertext length in bytes, header included */
  long length();

  /**
   * Reads exactly {@code len} bytes starting at {@code offset} into {@code dst[off, off+len)}.
   *
   * @throws EOFException if the range goes past {@link #length()}
   * @throws IOException if the underlying storage fails
   */
  void readFully(long offset, byte[] dst, int off, int len) throws IOException;

  /** @return a source over {@code ciphertext} itself (not copied; do not modify it meanwhile) */
  static CiphertextSource of(byte[] ciphertext) {
    return new CiphertextSource() {
      @Override
      public long length() {
        return ciphertext.length;
      }

      @Override
      public void readFully(long offset, byte[] dst, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (offset < 0 || offset > ciphertext.length - (long) len) {
          throw new EOFException("range " + offset + "+" + len + " outside " + ciphertext.length);
        }
        System.arraycopy(ciphertext, (int) offset, dst, off, len);
      }
    };
  }
}
