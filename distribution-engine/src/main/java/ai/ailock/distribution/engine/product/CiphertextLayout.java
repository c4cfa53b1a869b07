package ai.ailock.distribution.engine.product;

/**
 * Ciphertext size of profile {@code ailock-e2ee-v1}: one Cobblestone-256 message of 16 KiB records, each with
 * a 16-byte tag, after a 56-byte header (24-byte salt, 32-byte commitment). The final record is always short,
 * so a message of {@code n} bytes has {@code n / 16384 + 1} records.
 */
public final class CiphertextLayout {
  public static final int HEADER_BYTES = 56;
  public static final int RECORD_BYTES = 16 * 1024;
  public static final int TAG_BYTES = 16;

  private CiphertextLayout() {}

  /** @return the ciphertext length of a {@code plaintextLength}-byte product */
  public static long ciphertextLength(long plaintextLength) {
    if (plaintextLength < 0) {
      throw new IllegalArgumentException("negative length");
    }
    return HEADER_BYTES + plaintextLength + TAG_BYTES * (plaintextLength / RECORD_BYTES + 1);
  }
}
