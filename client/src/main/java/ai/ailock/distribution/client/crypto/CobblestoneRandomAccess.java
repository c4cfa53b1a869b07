package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Cobblestone.HEADER_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.RECORD_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.SEALED_RECORD_LENGTH;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Cobblestone-256 random-access decryption over a {@link CiphertextSource}: any plaintext byte
 * range, decrypting only the records that cover it (plaintext byte {@code i} is in record
 * {@code i / 16384}, at ciphertext offset {@code 56 + (i / 16384) * 16400}).
 *
 * <p>{@link #open} checks the key commitment, checks that the ciphertext length is one a message
 * can have, and decrypts the final record: {@link #length()} is therefore authenticated, and a
 * truncated or extended ciphertext is refused up front. Every read decrypts and authenticates the
 * records it touches, so a whole read of a tampered ciphertext always fails. Keeps the last
 * decrypted record, so sequential small reads decrypt each record once. Not thread-safe: use one
 * instance per thread.
 */
public final class CobblestoneRandomAccess {

  private final CobblestoneRecords records;
  private final CiphertextSource source;
  private final int headerLength;
  private final long length;
  private final long finalIndex;
  private final int finalSealedLength;
  private final byte[] sealedBuffer = new byte[SEALED_RECORD_LENGTH];
  private final byte[] plainBuffer = new byte[RECORD_LENGTH];
  private long cachedIndex = -1;
  private int cachedLength;

  private CobblestoneRandomAccess(
      CobblestoneRecords records, CiphertextSource source, int headerLength, long length) {
    this.records = records;
    this.source = source;
    this.headerLength = headerLength;
    this.length = length;
    this.finalIndex = length / RECORD_LENGTH;
    this.finalSealedLength = (int) (length % RECORD_LENGTH) + Cobblestone.TAG_LENGTH;
  }

  /**
   * Checks the header and authenticates the message length by decrypting the final record.
   *
   * @param inputKey the 32-byte input key; not retained
   * @throws IllegalArgumentException unless the key has 32 bytes
   * @throws InvalidCiphertextException if the commitment does not match (wrong key or context,
   *     modified header), the length is impossible, or the final record does not authenticate
   * @throws IOException if the source fails
   */
  public static CobblestoneRandomAccess open(
      byte[] inputKey, CobblestoneContext context, CiphertextSource source)
      throws IOException, InvalidCiphertextException {
    Cobblestone.checkInputKey(inputKey);
    Objects.requireNonNull(context, "context");
    long ciphertextLength = source.length();
    byte[] header = new byte[(int) Math.min(HEADER_LENGTH, Math.max(0, ciphertextLength))];
    source.readFully(0, header, 0, header.length);
    Cobblestone.MessageKeys keys = Cobblestone.openHeader(inputKey, context, header);
    return authenticated(keys.records(), source, HEADER_LENGTH);
  }

  /** Raw mode (records only, no header), for known-answer tests of the record layer. */
  static CobblestoneRandomAccess raw(byte[] aeadKey, byte[] baseNonce, CiphertextSource source)
      throws IOException, InvalidCiphertextException {
    return authenticated(new CobblestoneRecords(aeadKey, baseNonce), source, 0);
  }

  private static CobblestoneRandomAccess authenticated(
      CobblestoneRecords records, CiphertextSource source, int headerLength)
      throws IOException, InvalidCiphertextException {
    long length = Cobblestone.plaintextLength(source.length(), headerLength);
    CobblestoneRandomAccess access =
        new CobblestoneRandomAccess(records, source, headerLength, length);
    access.load(access.finalIndex);
    return access;
  }

  /** @return the plaintext length, authenticated by the final record */
  public long length() {
    return length;
  }

  /**
   * Reads up to {@code len} plaintext bytes starting at {@code position}.
   *
   * @return the number of bytes read, less than {@code len} only at the end of the message, or -1
   *     if {@code position} is at or past the end
   * @throws InvalidCiphertextException if a record in the range does not authenticate
   * @throws IOException if the source fails
   */
  public int read(long position, byte[] dst, int off, int len)
      throws IOException, InvalidCiphertextException {
    Objects.checkFromIndexSize(off, len, dst.length);
    if (position < 0) {
      throw new IllegalArgumentException("negative position " + position);
    }
    if (position >= length) {
      return len == 0 ? 0 : -1;
    }
    int total = (int) Math.min(len, length - position);
    for (int done = 0; done < total; ) {
      long at = position + done;
      load(at / RECORD_LENGTH);
      int inRecord = (int) (at % RECORD_LENGTH);
      int n = Math.min(total - done, cachedLength - inRecord);
      System.arraycopy(plainBuffer, inRecord, dst, off + done, n);
      done += n;
    }
    return total;
  }

  /**
   * Reads exactly {@code len} plaintext bytes starting at {@code position}.
   *
   * @throws EOFException if the range goes past {@link #length()}
   * @throws InvalidCiphertextException if a record in the range does not authenticate
   * @throws IOException if the source fails
   */
  public void readFully(long position, byte[] dst, int off, int len)
      throws IOException, InvalidCiphertextException {
    Objects.checkFromIndexSize(off, len, dst.length);
    if (position < 0 || position > length - len) {
      throw new EOFException("range " + position + "+" + len + " outside message of " + length);
    }
    read(position, dst, off, len);
  }

  private void load(long index) throws IOException, InvalidCiphertextException {
    if (index == cachedIndex) {
      return;
    }
    cachedIndex = -1;
    int sealedLength = index == finalIndex ? finalSealedLength : SEALED_RECORD_LENGTH;
    source.readFully(headerLength + index * SEALED_RECORD_LENGTH, sealedBuffer, 0, sealedLength);
    cachedLength = records.open(index, sealedBuffer, 0, sealedLength, plainBuffer, 0);
    cachedIndex = index;
  }
}
