package ai.ailock.distribution.client.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;

/** Test fixtures: plaintexts and Cobblestone ciphertexts of them. */
final class Messages {

  static final int RECORD = Cobblestone.RECORD_LENGTH;
  static final int SEALED = Cobblestone.SEALED_RECORD_LENGTH;
  static final int HEADER = Cobblestone.HEADER_LENGTH;

  private Messages() {}

  /** Deterministic pseudo-random bytes. */
  static byte[] plaintext(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  static byte[] encrypt(byte[] key, CobblestoneContext context, byte[] plaintext) {
    try (InputStream in =
        CobblestoneEncryptor.encrypting(key, context, new ByteArrayInputStream(plaintext))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] decrypt(byte[] key, CobblestoneContext context, byte[] ciphertext)
      throws IOException, InvalidCiphertextException {
    try (InputStream in =
        CobblestoneDecryptor.decrypting(key, context, new ByteArrayInputStream(ciphertext))) {
      return in.readAllBytes();
    }
  }

  static byte[] readWhole(byte[] key, CobblestoneContext context, byte[] ciphertext)
      throws IOException, InvalidCiphertextException {
    CobblestoneRandomAccess access =
        CobblestoneRandomAccess.open(key, context, CiphertextSource.of(ciphertext));
    byte[] message = new byte[Math.toIntExact(access.length())];
    access.readFully(0, message, 0, message.length);
    return message;
  }

  /** Sealed record {@code index} of a ciphertext, final record included. */
  static byte[] record(byte[] ciphertext, int index) {
    int from = HEADER + index * SEALED;
    return Arrays.copyOfRange(ciphertext, from, Math.min(from + SEALED, ciphertext.length));
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
