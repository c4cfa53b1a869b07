package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Cobblestone.HEADER_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.RECORD_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.SALT_LENGTH;
import static ai.ailock.distribution.client.crypto.Cobblestone.SEALED_RECORD_LENGTH;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cobblestone-256 encryption as a pull-based stream: wraps a plaintext {@link InputStream} and
 * yields the ciphertext (salt | commitment | sealed 16 KiB records | short final record), reading
 * the plaintext one record at a time. An uploader can read transport chunks of any size from it;
 * memory use is two record buffers whatever the message length. The total length is known up
 * front: {@link #ciphertextLength(long)}.
 *
 * <p>The final record is emitted when the plaintext stream reports end of stream, so the
 * plaintext source must end exactly at the end of the message. Not thread-safe. Closing closes
 * the plaintext stream.
 */
public final class CobblestoneEncryptor extends InputStream {

  private final InputStream plaintext;
  private final CobblestoneRecords records;
  private final byte[] salt;
  private final byte[] plainBuffer = new byte[RECORD_LENGTH];
  private final byte[] sealedBuffer = new byte[SEALED_RECORD_LENGTH];
  private final byte[] oneByte = new byte[1];
  private int sealedPosition;
  private int sealedLimit;
  private long nextIndex;
  private boolean sealedFinalRecord;
  private boolean closed;

  private CobblestoneEncryptor(CobblestoneRecords records, byte[] header, InputStream plaintext) {
    this.records = records;
    this.plaintext = Objects.requireNonNull(plaintext, "plaintext");
    this.salt = Arrays.copyOf(header, Math.min(header.length, SALT_LENGTH));
    System.arraycopy(header, 0, sealedBuffer, 0, header.length);
    this.sealedLimit = header.length;
  }

  /**
   * Encrypts {@code plaintext} under {@code inputKey} and {@code context} with a fresh random
   * salt.
   *
   * @param inputKey 32 uniformly random bytes, e.g. from {@link #generateKey()}; not retained
   * @throws IllegalArgumentException unless the key has 32 bytes
   */
  public static CobblestoneEncryptor encrypting(
      byte[] inputKey, CobblestoneContext context, InputStream plaintext) {
    return withSalt(inputKey, context, plaintext, Cobblestone.randomBytes(SALT_LENGTH));
  }

  /**
   * Re-encrypts a message exactly as an earlier {@link #encrypting} run did, so an interrupted
   * upload can be resumed: the same input key, context, plaintext and salt yield the same
   * ciphertext byte for byte, and the chunks the service already holds stay valid.
   *
   * <p><b>Only for reproducing a ciphertext</b> whose salt was generated randomly by
   * {@link #encrypting} (read with {@link #salt()} and stored next to the key). Never choose a salt
   * yourself and never reuse one for a different plaintext: a repeated salt under the same key and
   * context repeats the AES-GCM key and nonces, which breaks confidentiality and integrity.
   *
   * @param inputKey the 32-byte input key of the original message; not retained
   * @param salt the 24-byte salt of the original message
   * @throws IllegalArgumentException unless the key has 32 bytes and the salt 24
   */
  public static CobblestoneEncryptor resuming(
      byte[] inputKey, CobblestoneContext context, InputStream plaintext, byte[] salt) {
    return withSalt(inputKey, context, plaintext, salt);
  }

  /** Test hook: encrypts with a given salt so known-answer vectors can be re-encrypted exactly. */
  static CobblestoneEncryptor withSalt(
      byte[] inputKey, CobblestoneContext context, InputStream plaintext, byte[] salt) {
    Cobblestone.MessageKeys keys = Cobblestone.deriveKeys(inputKey, salt, context.bytes());
    byte[] header = new byte[HEADER_LENGTH];
    System.arraycopy(salt, 0, header, 0, SALT_LENGTH);
    System.arraycopy(keys.commitment(), 0, header, SALT_LENGTH, keys.commitment().length);
    return new CobblestoneEncryptor(keys.records(), header, plaintext);
  }

  /** Raw mode (records only, no header), for known-answer tests of the record layer. */
  static CobblestoneEncryptor raw(byte[] aeadKey, byte[] baseNonce, InputStream plaintext) {
    return new CobblestoneEncryptor(
        new CobblestoneRecords(aeadKey, baseNonce), new byte[0], plaintext);
  }

  /**
   * @return a copy of this message's 24-byte salt (the first bytes of the ciphertext); empty in
   *     raw mode. Not secret: store it with the input key to {@link #resuming resume} later.
   */
  public byte[] salt() {
    return salt.clone();
  }

  /** @return 32 bytes from a {@link java.security.SecureRandom}: a fresh per-message input key */
  public static byte[] generateKey() {
    return Cobblestone.randomBytes(Cobblestone.KEY_LENGTH);
  }

  /**
   * @return the ciphertext length of a {@code plaintextLength}-byte message: 56 + plaintext + 16
   *     per record, with floor(plaintext / 16384) + 1 records
   * @throws IllegalArgumentException if negative or above 2^52 - 1 (2^38 records)
   */
  public static long ciphertextLength(long plaintextLength) {
    return Cobblestone.ciphertextLength(plaintextLength);
  }

  @Override
  public int read() throws IOException {
    return read(oneByte, 0, 1) < 0 ? -1 : oneByte[0] & 0xff;
  }

  /**
   * Fills {@code b} with as much ciphertext as {@code len} allows, reading plaintext records as
   * needed; -1 once the final record has been read.
   *
   * @throws IOException if the plaintext stream fails or the message exceeds 2^38 records
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    int total = 0;
    while (total < len) {
      if (sealedPosition < sealedLimit) {
        int n = Math.min(len - total, sealedLimit - sealedPosition);
        System.arraycopy(sealedBuffer, sealedPosition, b, off + total, n);
        sealedPosition += n;
        total += n;
      } else if (sealedFinalRecord) {
        break;
      } else if (len - total >= SEALED_RECORD_LENGTH) {
        total += sealNextRecord(b, off + total);
      } else {
        sealedLimit = sealNextRecord(sealedBuffer, 0);
        sealedPosition = 0;
      }
    }
    return total == 0 && len > 0 ? -1 : total;
  }

  private int sealNextRecord(byte[] out, int outOff) throws IOException {
    if (nextIndex >= Cobblestone.MAX_RECORDS) {
      throw new IOException("message exceeds 2^38 records");
    }
    int n = plaintext.readNBytes(plainBuffer, 0, RECORD_LENGTH);
    sealedFinalRecord = n < RECORD_LENGTH;
    return records.seal(nextIndex++, plainBuffer, 0, n, out, outOff);
  }

  /** @return ciphertext bytes buffered and readable without reading plaintext */
  @Override
  public int available() {
    return sealedLimit - sealedPosition;
  }

  /**
   * Closes the plaintext stream, clears the plaintext buffer and releases the record key.
   * Idempotent.
   */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      Arrays.fill(plainBuffer, (byte) 0);
      records.close();
      plaintext.close();
    }
  }
}
