package ai.ailock.distribution.client.crypto;

import javax.crypto.AEADBadTagException;

/**
 * Seals and opens the records of one Cobblestone message given its AEAD key and base nonce (the
 * spec's raw mode, not exposed outside this package): record {@code i} uses nonce = base nonce
 * XOR {@code i} as a 96-bit big-endian integer, and an empty AAD. Not thread-safe.
 * {@link #close()} releases the record function's native state (its key schedule) early; the
 * garbage collector does it otherwise.
 */
final class CobblestoneRecords {

  private final AesGcm aead;
  private final byte[] baseNonce;
  private final byte[] nonce = new byte[Cobblestone.NONCE_LENGTH];

  /** @throws IllegalArgumentException unless the key has 32 bytes and the nonce 12 */
  CobblestoneRecords(byte[] aeadKey, byte[] baseNonce) {
    if (baseNonce.length != Cobblestone.NONCE_LENGTH) {
      throw new IllegalArgumentException("base nonce must be 12 bytes, was " + baseNonce.length);
    }
    this.aead = AesGcm.forKey(aeadKey);
    this.baseNonce = baseNonce.clone();
  }

  /** Seals record {@code index}; returns the sealed length (len + 16). */
  int seal(long index, byte[] in, int inOff, int len, byte[] out, int outOff) {
    return aead.seal(nonceFor(index), in, inOff, len, out, outOff);
  }

  /**
   * Opens record {@code index}; returns the plaintext length. On failure the output range holds
   * zeros.
   *
   * @throws InvalidCiphertextException if the record does not authenticate at this index
   */
  int open(long index, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws InvalidCiphertextException {
    try {
      return aead.open(nonceFor(index), in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      throw new InvalidCiphertextException("record " + index + " failed authentication", e);
    }
  }

  /** Releases the record function's native state; later calls fail. Idempotent. */
  void close() {
    aead.close();
  }

  private byte[] nonceFor(long index) {
    if (index < 0 || index >= Cobblestone.MAX_RECORDS) {
      throw new IllegalStateException("record index outside 0..2^38-1: " + index);
    }
    System.arraycopy(baseNonce, 0, nonce, 0, nonce.length);
    for (int i = 0; i < Long.BYTES; i++) {
      nonce[nonce.length - 1 - i] ^= (byte) (index >>> (8 * i));
    }
    return nonce;
  }
}
