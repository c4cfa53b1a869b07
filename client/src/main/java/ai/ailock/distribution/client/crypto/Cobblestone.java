package ai.ailock.distribution.client.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Cobblestone-256 (c2sp.org/chunked-encryption with AES-256-GCM and HKDF-SHA-512): parameters,
 * key derivation and the length arithmetic shared by the encryptor, decryptor and random access.
 */
final class Cobblestone {

  static final int KEY_LENGTH = AesGcm.KEY_LENGTH;
  static final int NONCE_LENGTH = AesGcm.NONCE_LENGTH;
  static final int TAG_LENGTH = AesGcm.TAG_LENGTH;
  static final int SALT_LENGTH = 24;
  static final int COMMITMENT_LENGTH = 32;
  /** salt | commitment */
  static final int HEADER_LENGTH = SALT_LENGTH + COMMITMENT_LENGTH;
  /** "The message is split into chunks of 16 KiB, except the final chunk which MUST be shorter". */
  static final int RECORD_LENGTH = 16 * 1024;
  static final int SEALED_RECORD_LENGTH = RECORD_LENGTH + TAG_LENGTH;
  /** "the message MUST NOT exceed 2^38 chunks" */
  static final long MAX_RECORDS = 1L << 38;
  static final long MAX_PLAINTEXT_LENGTH = MAX_RECORDS * RECORD_LENGTH - 1;

  /** info = "c2sp.org/chunked-encryption@v1+" | aead | 0x00 | salt | context */
  private static final byte[] INFO_PREFIX =
      "c2sp.org/chunked-encryption@v1+AEAD_AES_256_GCM\0".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Cobblestone() {}

  /** The per-message values: key | base nonce | commitment = HKDF-Expand(input key, info, 76). */
  record MessageKeys(byte[] aeadKey, byte[] baseNonce, byte[] commitment) {

    /** "implementations MUST check the commitment matches the derived value" (constant time). */
    boolean commitsTo(byte[] header) {
      byte[] stored = Arrays.copyOfRange(header, SALT_LENGTH, HEADER_LENGTH);
      return MessageDigest.isEqual(commitment, stored);
    }

    CobblestoneRecords records() {
      return new CobblestoneRecords(aeadKey, baseNonce);
    }
  }

  static MessageKeys deriveKeys(byte[] inputKey, byte[] salt, byte[] context) {
    checkInputKey(inputKey);
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException("salt must be 24 bytes, was " + salt.length);
    }
    byte[] info = new byte[INFO_PREFIX.length + SALT_LENGTH + context.length];
    System.arraycopy(INFO_PREFIX, 0, info, 0, INFO_PREFIX.length);
    System.arraycopy(salt, 0, info, INFO_PREFIX.length, SALT_LENGTH);
    System.arraycopy(context, 0, info, INFO_PREFIX.length + SALT_LENGTH, context.length);
    byte[] okm = Hkdf.expand(inputKey, info, KEY_LENGTH + NONCE_LENGTH + COMMITMENT_LENGTH);
    try {
      return new MessageKeys(
          Arrays.copyOfRange(okm, 0, KEY_LENGTH),
          Arrays.copyOfRange(okm, KEY_LENGTH, KEY_LENGTH + NONCE_LENGTH),
          Arrays.copyOfRange(okm, KEY_LENGTH + NONCE_LENGTH, okm.length));
    } finally {
      Arrays.fill(okm, (byte) 0);
    }
  }

  /** Reads the derivation from a 56-byte header and checks its commitment. */
  static MessageKeys openHeader(byte[] inputKey, CobblestoneContext context, byte[] header)
      throws InvalidCiphertextException {
    if (header.length < HEADER_LENGTH) {
      throw new InvalidCiphertextException(
          "ciphertext truncated: " + header.length + " bytes is shorter than the 56-byte header");
    }
    MessageKeys keys = deriveKeys(inputKey, Arrays.copyOf(header, SALT_LENGTH), context.bytes());
    if (!keys.commitsTo(header)) {
      throw new InvalidCiphertextException(
          "key commitment mismatch: wrong key, wrong context or modified header");
    }
    return keys;
  }

  static void checkInputKey(byte[] inputKey) {
    if (inputKey.length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Cobblestone-256 input key must be 32 bytes, was " + inputKey.length);
    }
  }

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** 56 + plaintext + 16 per record, where records = floor(plaintext / 16384) + 1. */
  static long ciphertextLength(long plaintextLength) {
    if (plaintextLength < 0 || plaintextLength > MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "plaintext length must be 0.." + MAX_PLAINTEXT_LENGTH + ", was " + plaintextLength);
    }
    long records = plaintextLength / RECORD_LENGTH + 1;
    return HEADER_LENGTH + plaintextLength + records * TAG_LENGTH;
  }

  /**
   * The plaintext length a ciphertext length implies, {@code headerLength} being 56 (or 0 in raw
   * mode), or an error if no message encrypts to that length.
   */
  static long plaintextLength(long ciphertextLength, int headerLength)
      throws InvalidCiphertextException {
    long body = ciphertextLength - headerLength;
    if (body < TAG_LENGTH) {
      throw new InvalidCiphertextException(
          "ciphertext truncated: " + ciphertextLength + " bytes cannot hold the final record");
    }
    long fullRecords = body / SEALED_RECORD_LENGTH;
    long finalSealed = body % SEALED_RECORD_LENGTH;
    if (finalSealed < TAG_LENGTH) {
      throw new InvalidCiphertextException(
          "ciphertext truncated: the final record is missing or shorter than a tag");
    }
    if (fullRecords >= MAX_RECORDS) {
      throw new InvalidCiphertextException("ciphertext exceeds 2^38 records");
    }
    return fullRecords * RECORD_LENGTH + finalSealed - TAG_LENGTH;
  }
}
