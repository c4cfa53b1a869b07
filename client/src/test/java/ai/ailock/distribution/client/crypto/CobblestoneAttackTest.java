package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Messages.HEADER;
import static ai.ailock.distribution.client.crypto.Messages.RECORD;
import static ai.ailock.distribution.client.crypto.Messages.SEALED;
import static ai.ailock.distribution.client.crypto.Messages.concat;
import static ai.ailock.distribution.client.crypto.Messages.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ciphertexts moved, cut, extended, reordered or modified must never decrypt. Run once per
 * implementation of the AES-GCM record function ({@link CobblestoneAttackOpensslTest},
 * {@link CobblestoneAttackLibsodiumTest}, {@link CobblestoneAttackJcaTest}).
 */
abstract class CobblestoneAttackTest extends RecordFunctionTest {

  private static final byte[] KEY = CobblestoneEncryptor.generateKey();
  private static final CobblestoneContext PRODUCT_A = CobblestoneContext.content("prod-a", "1");
  /** Two full records and a short final one. */
  private static final byte[] PLAINTEXT = Messages.plaintext(2 * RECORD + 1000);
  private static final byte[] CIPHERTEXT = Messages.encrypt(KEY, PRODUCT_A, PLAINTEXT);

  static Stream<Arguments> otherContexts() {
    return Stream.of(
        Arguments.of("another product", CobblestoneContext.content("prod-b", "1")),
        Arguments.of("another version", CobblestoneContext.content("prod-a", "2")),
        Arguments.of("the product's metadata", CobblestoneContext.metadata("prod-a", "1")),
        Arguments.of("an attachment", CobblestoneContext.attachment("prod-a", "1")));
  }

  @ParameterizedTest(name = "ciphertext of {0}")
  @MethodSource("otherContexts")
  void rejectsAWholeCiphertextMovedFromAnotherContext(String what, CobblestoneContext other) {
    byte[] moved = Messages.encrypt(KEY, other, PLAINTEXT);

    assertThatThrownBy(() -> Messages.decrypt(KEY, PRODUCT_A, moved))
        .isInstanceOf(InvalidCiphertextException.class)
        .hasMessageContaining("commitment");
    assertThatThrownBy(() -> Messages.readWhole(KEY, PRODUCT_A, moved))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @ParameterizedTest(name = "record of {0}")
  @MethodSource("otherContexts")
  void rejectsARecordSplicedInFromAnotherContextUnderTheSameKey(
      String what, CobblestoneContext other) throws Exception {
    byte[] foreign = Messages.encrypt(KEY, other, PLAINTEXT);
    byte[] spliced = CIPHERTEXT.clone();
    System.arraycopy(record(foreign, 1), 0, spliced, HEADER + SEALED, SEALED);

    StreamOutcome outcome = StreamOutcome.drain(decryptor(spliced), 64 * 1024);

    assertThat(outcome.failure()).isInstanceOf(CiphertextIOException.class);
    assertThat(outcome.released()).isEqualTo(Arrays.copyOf(PLAINTEXT, RECORD));
    assertThatThrownBy(() -> Messages.readWhole(KEY, PRODUCT_A, spliced))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void rejectsARecordFromAnotherMessageOfTheSameContextAndKey() {
    byte[] sibling = Messages.encrypt(KEY, PRODUCT_A, PLAINTEXT); // another salt
    byte[] spliced = CIPHERTEXT.clone();
    System.arraycopy(record(sibling, 0), 0, spliced, HEADER, SEALED);

    assertRejectedEverywhere(spliced);
  }

  static IntStream truncatedLengths() {
    int length = CIPHERTEXT.length;
    return IntStream.of(
        0, 1, 24, HEADER - 1, HEADER, HEADER + 15, HEADER + 100, HEADER + SEALED,
        HEADER + SEALED + 1, HEADER + 2 * SEALED, HEADER + 2 * SEALED + 15, length - 16,
        length - 1);
  }

  @ParameterizedTest(name = "cut to {0} bytes")
  @MethodSource("truncatedLengths")
  void rejectsATruncatedCiphertext(int length) {
    assertRejectedEverywhere(Arrays.copyOf(CIPHERTEXT, length));
  }

  static Stream<Arguments> extensions() throws Exception {
    Cobblestone.MessageKeys keys =
        Cobblestone.deriveKeys(KEY, Arrays.copyOf(CIPHERTEXT, 24), PRODUCT_A.bytes());
    byte[] nextRecord = new byte[SEALED];
    keys.records().seal(3, new byte[RECORD], 0, RECORD, nextRecord, 0);
    byte[] emptyFinal = new byte[16];
    keys.records().seal(3, new byte[0], 0, 0, emptyFinal, 0);
    return Stream.of(
        Arguments.of("one zero byte", new byte[1]),
        Arguments.of("a tag's worth of bytes", new byte[16]),
        Arguments.of("a copy of the final record", record(CIPHERTEXT, 2)),
        Arguments.of("a validly sealed full record at the next index", nextRecord),
        Arguments.of("a validly sealed empty record at the next index", emptyFinal),
        Arguments.of("a whole second ciphertext", CIPHERTEXT));
  }

  @ParameterizedTest(name = "extended by {0}")
  @MethodSource("extensions")
  void rejectsAnExtendedCiphertext(String what, byte[] extension) {
    assertRejectedEverywhere(concat(CIPHERTEXT, extension));
  }

  @Test
  void rejectsSwappedRecords() throws Exception {
    byte[] swapped =
        concat(
            Arrays.copyOf(CIPHERTEXT, HEADER),
            record(CIPHERTEXT, 1),
            record(CIPHERTEXT, 0),
            record(CIPHERTEXT, 2));

    StreamOutcome outcome = StreamOutcome.drain(decryptor(swapped), 1000);

    assertThat(outcome.failure()).isInstanceOf(CiphertextIOException.class);
    assertThat(outcome.released()).isEmpty();
    assertRejectedEverywhere(swapped);
  }

  @Test
  void rejectsADuplicatedRecordInPlaceOfTheNext() {
    byte[] duplicated =
        concat(
            Arrays.copyOf(CIPHERTEXT, HEADER),
            record(CIPHERTEXT, 0),
            record(CIPHERTEXT, 0),
            record(CIPHERTEXT, 2));

    assertRejectedEverywhere(duplicated);
  }

  @Test
  void rejectsAFlippedBitAnywhere() {
    byte[] plaintext = Messages.plaintext(RECORD + 100);
    byte[] ciphertext = Messages.encrypt(KEY, PRODUCT_A, plaintext);

    for (int position = 0; position < ciphertext.length; position++) {
      int bit = position < HEADER ? -1 : position % 8; // every bit of the header
      for (int b = Math.max(bit, 0); b <= (bit < 0 ? 7 : bit); b++) {
        byte[] tampered = ciphertext.clone();
        tampered[position] ^= (byte) (1 << b);

        assertRejectedEverywhere(tampered);
      }
    }
  }

  private static CobblestoneDecryptor decryptor(byte[] ciphertext) throws Exception {
    return CobblestoneDecryptor.decrypting(KEY, PRODUCT_A, new ByteArrayInputStream(ciphertext));
  }

  /** Streaming (at open or while reading) and random access (whole read) both refuse it. */
  private static void assertRejectedEverywhere(byte[] ciphertext) {
    assertThatThrownBy(() -> Messages.decrypt(KEY, PRODUCT_A, ciphertext))
        .isInstanceOfAny(InvalidCiphertextException.class, CiphertextIOException.class);
    assertThatThrownBy(() -> Messages.readWhole(KEY, PRODUCT_A, ciphertext))
        .isInstanceOf(InvalidCiphertextException.class);
  }
}
