package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Cobblestone.HEADER_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.RECORD_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.SEALED_RECORD_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.TAG_LENGTH;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Cobblestone-256 streaming decryption: an {@link InputStream} of plaintext over an
 * {@code InputStream} of ciphertext. The key commitment is checked when the stream is opened,
 * before any record is decrypted; after that plaintext is released one authenticated 16 KiB record
 * at a time, so memory use is two record buffers whatever the message length.
 *
 * <p>A record that fails (modified, reordered, from another message), a missing or over-long
 * final record (truncation) and bytes after the final record (extension) raise a
 * {@link CiphertextIOException}. Bytes returned before the failure are the authenticated prefix
 * of the message, never more; once failed, every later read fails again rather than reporting
 * end of stream, so a caller can't mistake a truncated message for a complete one. End of stream
 * (-1) is reported only after the final record authenticated. Not thread-safe. Closing closes the
 * ciphertext stream.
 */
public final class CobblestoneDecryptor extends InputStream {

  private final InputStream ciphertext;
  private final CobblestoneRecords records;
  private final byte[] sealedBuffer = new byte[SEALED_RECORD_LENGTH];
  private final byte[] plainBuffer = new byte[RECORD_LENGTH];
  private final byte[] oneByte = new byte[1];
  private int plainPosition;
  private int plainLimit;
  private long nextIndex;
  private boolean openedFinalRecord;
  private boolean closed;
  private @Nullable InvalidCiphertextException failure;
  private @Nullable IOException broken;

  private CobblestoneDecryptor(CobblestoneRecords records, InputStream ciphertext) {
    this.records = records;
    this.ciphertext = ciphertext;
  }

  /**
   * Reads the 56-byte header from {@code ciphertext} and checks the key commitment.
   *
   * @param inputKey the 32-byte input key the message was encrypted with; not retained
   * @throws IllegalArgumentException unless the key has 32 bytes
   * @throws InvalidCiphertextException if the header is truncated or the commitment does not
   *     match (wrong key, wrong context, modified salt or commitment)
   * @throws IOException if reading the header fails
   */
  public static CobblestoneDecryptor decrypting(
      byte[] inputKey, CobblestoneContext context, InputStream ciphertext)
      throws IOException, InvalidCiphertextException {
    Cobblestone.checkInputKey(inputKey);
    Objects.requireNonNull(context, "context");
    byte[] header = ciphertext.readNBytes(HEADER_LENGTH);
    Cobblestone.MessageKeys keys = Cobblestone.openHeader(inputKey, context, header);
    return new CobblestoneDecryptor(keys.records(), ciphertext);
  }

  /** Raw mode (records only, no header), for known-answer tests of the record layer. */
  static CobblestoneDecryptor raw(byte[] aeadKey, byte[] baseNonce, InputStream ciphertext) {
    return new CobblestoneDecryptor(new CobblestoneRecords(aeadKey, baseNonce), ciphertext);
  }

  @Override
  public int read() throws IOException {
    return read(oneByte, 0, 1) < 0 ? -1 : oneByte[0] & 0xff;
  }

  /**
   * Reads authenticated plaintext; -1 only after the final record authenticated.
   *
   * @throws CiphertextIOException if the ciphertext fails authentication, now or earlier
   * @throws IOException if the ciphertext stream fails, now or earlier
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensureUsable();
    int total = 0;
    while (total < len) {
      if (plainPosition < plainLimit) {
        int n = Math.min(len - total, plainLimit - plainPosition);
        System.arraycopy(plainBuffer, plainPosition, b, off + total, n);
        plainPosition += n;
        total += n;
      } else if (openedFinalRecord) {
        break;
      } else if (failure != null || broken != null) {
        if (total > 0) {
          return total; // the authenticated bytes first; the next call throws
        }
        throw failureException();
      } else if (len - total >= RECORD_LENGTH) {
        total += openNextRecord(b, off + total);
      } else {
        plainLimit = openNextRecord(plainBuffer, 0);
        plainPosition = 0;
      }
    }
    return total == 0 && len > 0 ? -1 : total;
  }

  /** Opens the next record into out; on failure remembers why and returns 0. */
  private int openNextRecord(byte[] out, int outOff) {
    try {
      int n = readRecord();
      int opened = records.open(nextIndex, sealedBuffer, 0, n, out, outOff);
      nextIndex++;
      openedFinalRecord = n < SEALED_RECORD_LENGTH;
      return opened;
    } catch (InvalidCiphertextException e) {
      failure = e;
    } catch (IOException e) {
      broken = e;
    }
    return 0;
  }

  /** Reads one sealed record; a short read (end of stream) makes it the final record. */
  private int readRecord() throws IOException, InvalidCiphertextException {
    if (nextIndex >= Cobblestone.MAX_RECORDS) {
      throw new InvalidCiphertextException("ciphertext exceeds 2^38 records");
    }
    int n = ciphertext.readNBytes(sealedBuffer, 0, SEALED_RECORD_LENGTH);
    if (n < TAG_LENGTH) {
      throw new InvalidCiphertextException(
          n == 0
              ? "ciphertext truncated: the short final record is missing"
              : "ciphertext truncated: final record of " + n + " bytes is shorter than a tag");
    }
    return n;
  }

  private void ensureUsable() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (failure != null || broken != null) {
      throw failureException();
    }
  }

  private IOException failureException() {
    return failure != null
        ? new CiphertextIOException(failure)
        : new IOException("reading the ciphertext failed", broken);
  }

  /** @return authenticated plaintext bytes buffered and readable without reading ciphertext */
  @Override
  public int available() {
    return plainLimit - plainPosition;
  }

  /**
   * Closes the ciphertext stream, clears the plaintext buffer and releases the record key.
   * Idempotent.
   */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      Arrays.fill(plainBuffer, (byte) 0);
      records.close();
      ciphertext.close();
    }
  }
}
