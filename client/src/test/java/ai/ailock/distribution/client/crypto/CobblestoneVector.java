package ai.ailock.distribution.client.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A Cobblestone-256 Wycheproof vector, decoded: {@code ct} is zlib-compressed hex in the file;
 * {@code msgLength}/{@code msgSha512} describe the message, or for {@code PartialPlaintext}
 * vectors the longest valid prefix.
 */
record CobblestoneVector(Wycheproof.Case source, byte[] ciphertext) {

  static final String FILE = "c2sp_chunked_encryption_aes_256_gcm_test.json";
  private static final List<CobblestoneVector> ALL =
      Wycheproof.cases(FILE).stream().map(CobblestoneVector::decode).toList();

  static List<CobblestoneVector> all() {
    return ALL;
  }

  private static CobblestoneVector decode(Wycheproof.Case c) {
    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(c.bytes("ct")))) {
      return new CobblestoneVector(c, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int tcId() {
    return source.tcId();
  }

  boolean valid() {
    return source.valid();
  }

  boolean flagged(String flag) {
    return source.flagged(flag);
  }

  byte[] key() {
    return source.bytes("key");
  }

  CobblestoneContext context() {
    return CobblestoneContext.of(source.bytes("ctx"));
  }

  byte[] aeadKey() {
    return source.bytes("aeadKey");
  }

  byte[] baseNonce() {
    return source.bytes("baseNonce");
  }

  byte[] salt() {
    return java.util.Arrays.copyOf(ciphertext, Cobblestone.SALT_LENGTH);
  }

  byte[] rawCiphertext() {
    return java.util.Arrays.copyOfRange(ciphertext, Cobblestone.HEADER_LENGTH, ciphertext.length);
  }

  /** The message length, or the valid prefix length; 0 where the vector names no prefix. */
  long messageLength() {
    return source.test().path("msgLength").asLong(0);
  }

  /** SHA-512 of the message or valid prefix, or null where the vector names none. */
  byte @Nullable [] messageSha512() {
    return source.test().has("msgSha512") ? source.bytes("msgSha512") : null;
  }

  static byte[] sha512(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
