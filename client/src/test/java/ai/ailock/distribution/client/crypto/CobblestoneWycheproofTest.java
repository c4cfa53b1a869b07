package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 35 Cobblestone-256 Wycheproof vectors through every decryption interface (streaming, random
 * access, raw mode) and through encryption, as c2sp_chunked_encryption.md describes. Run once per
 * implementation of the AES-GCM record function ({@link CobblestoneWycheproofOpensslTest},
 * {@link CobblestoneWycheproofLibsodiumTest},
 * {@link CobblestoneWycheproofJcaTest}): every stream a test creates uses that implementation.
 */
abstract class CobblestoneWycheproofTest extends RecordFunctionTest {

  /** Reads smaller than a record go through the buffer, larger ones decrypt in place. */
  private static final int[] SLICES = {1000, 64 * 1024};

  static Stream<CobblestoneVector> validVectors() {
    return CobblestoneVector.all().stream().filter(CobblestoneVector::valid);
  }

  static Stream<CobblestoneVector> invalidKeySizeVectors() {
    return CobblestoneVector.all().stream().filter(v -> v.flagged("InvalidKeySize"));
  }

  static Stream<CobblestoneVector> headerFailureVectors() {
    return CobblestoneVector.all().stream()
        .filter(v -> v.flagged("HeaderFailure") && !v.flagged("InvalidKeySize"));
  }

  static Stream<CobblestoneVector> recordFailureVectors() {
    return CobblestoneVector.all().stream()
        .filter(v -> !v.valid() && !v.flagged("HeaderFailure"));
  }

  static Stream<CobblestoneVector> lengthFailureVectors() {
    return recordFailureVectors().filter(v -> !v.flagged("ValidFinalChunk"));
  }

  static Stream<CobblestoneVector> validFinalChunkPrefixVectors() {
    return recordFailureVectors()
        .filter(v -> v.flagged("ValidFinalChunk") && v.flagged("PartialPlaintext"));
  }

  static Stream<CobblestoneVector> rawModeVectors() {
    return CobblestoneVector.all().stream().filter(v -> !v.flagged("HeaderFailure"));
  }

  @Test
  void categoriesCoverEveryVectorOfTheFile() {
    long categorised =
        validVectors().count()
            + invalidKeySizeVectors().count()
            + headerFailureVectors().count()
            + recordFailureVectors().count();

    assertThat(CobblestoneVector.all()).hasSize(35);
    assertThat(categorised).isEqualTo(35);
  }

  // --- streaming decryption -------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void streamingDecryptionYieldsTheDescribedMessage(CobblestoneVector vector) throws Exception {
    for (int slice : SLICES) {
      CobblestoneDecryptor decryptor = decryptor(vector);

      StreamOutcome outcome = StreamOutcome.drain(decryptor, slice);

      assertThat(outcome.failure()).isNull();
      assertMatchesDescribedBytes(vector, outcome.released());
      assertThat(decryptor.read()).isEqualTo(-1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidKeySizeVectors")
  void refusesAnInputKeyThatIsNot32Bytes(CobblestoneVector vector) {
    assertThatThrownBy(() -> decryptor(vector)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> randomAccess(vector)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CobblestoneEncryptor.encrypting(
                    vector.key(), vector.context(), InputStream.nullInputStream()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerFailureVectors")
  void rejectsHeaderFailuresBeforeAnyRecordIsDecrypted(CobblestoneVector vector) {
    assertThatThrownBy(() -> decryptor(vector))
        .isInstanceOf(InvalidCiphertextException.class)
        .hasMessageFindingMatch("commitment|header");
    assertThatThrownBy(() -> randomAccess(vector))
        .isInstanceOf(InvalidCiphertextException.class)
        .hasMessageFindingMatch("commitment|header");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordFailureVectors")
  void streamingReleasesAtMostTheValidPrefixThenKeepsFailing(CobblestoneVector vector)
      throws Exception {
    for (int slice : SLICES) {
      CobblestoneDecryptor decryptor = decryptor(vector);

      StreamOutcome outcome = StreamOutcome.drain(decryptor, slice);

      assertThat(outcome.failure()).isInstanceOf(CiphertextIOException.class);
      assertMatchesDescribedBytes(vector, outcome.released());
      assertKeepsFailing(decryptor);
    }
  }

  // --- random access --------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void randomAccessAuthenticatesTheLengthAndReadsTheWholeMessage(CobblestoneVector vector)
      throws Exception {
    CobblestoneRandomAccess access = randomAccess(vector);

    byte[] message = readWhole(access);

    assertThat(access.length()).isEqualTo(vector.messageLength());
    assertMatchesDescribedBytes(vector, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordFailureVectors")
  void randomAccessFailsAWholeReadOfEveryInvalidVector(CobblestoneVector vector) {
    assertThatThrownBy(() -> readWhole(randomAccess(vector)))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lengthFailureVectors")
  void lengthAuthenticationFailsUnlessTheFinalRecordIsValid(CobblestoneVector vector) {
    assertThatThrownBy(() -> randomAccess(vector)).isInstanceOf(InvalidCiphertextException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFinalChunkPrefixVectors")
  void randomAccessReadsTheValidPrefixWhenTheFinalRecordIsValid(CobblestoneVector vector)
      throws Exception {
    CobblestoneRandomAccess access = randomAccess(vector);
    byte[] prefix = new byte[(int) vector.messageLength()];

    access.readFully(0, prefix, 0, prefix.length);

    assertMatchesDescribedBytes(vector, prefix);
  }

  // --- raw mode -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawModeVectors")
  void rawStreamingDecryptionFollowsTheVector(CobblestoneVector vector) throws Exception {
    for (int slice : SLICES) {
      CobblestoneDecryptor decryptor =
          CobblestoneDecryptor.raw(
              vector.aeadKey(),
              vector.baseNonce(),
              new ByteArrayInputStream(vector.rawCiphertext()));

      StreamOutcome outcome = StreamOutcome.drain(decryptor, slice);

      assertMatchesDescribedBytes(vector, outcome.released());
      if (vector.valid()) {
        assertThat(outcome.failure()).isNull();
      } else {
        assertThat(outcome.failure()).isInstanceOf(CiphertextIOException.class);
        assertKeepsFailing(decryptor);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawModeVectors")
  void rawRandomAccessReadsValidVectorsAndFailsInvalidOnes(CobblestoneVector vector) {
    CiphertextSource source = CiphertextSource.of(vector.rawCiphertext());

    if (vector.valid()) {
      assertThat(
              CobblestoneVector.sha512(
                  readWholeUnchecked(vector.aeadKey(), vector.baseNonce(), source)))
          .isEqualTo(vector.messageSha512());
    } else {
      assertThatThrownBy(
              () ->
                  readWhole(
                      CobblestoneRandomAccess.raw(vector.aeadKey(), vector.baseNonce(), source)))
          .isInstanceOf(InvalidCiphertextException.class);
    }
  }

  // --- encryption -----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void reEncryptingWithTheVectorSaltReproducesTheCiphertext(CobblestoneVector vector)
      throws Exception {
    byte[] message = decryptor(vector).readAllBytes();

    byte[] ciphertext =
        CobblestoneEncryptor.withSalt(
                vector.key(), vector.context(), new ByteArrayInputStream(message), vector.salt())
            .readAllBytes();

    assertThat(Arrays.mismatch(ciphertext, vector.ciphertext())).isEqualTo(-1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void rawEncryptionReproducesTheRecords(CobblestoneVector vector) throws Exception {
    byte[] message = decryptor(vector).readAllBytes();

    byte[] records =
        CobblestoneEncryptor.raw(
                vector.aeadKey(), vector.baseNonce(), new ByteArrayInputStream(message))
            .readAllBytes();

    assertThat(Arrays.mismatch(records, vector.rawCiphertext())).isEqualTo(-1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void ciphertextLengthFormulaMatchesTheVector(CobblestoneVector vector) {
    assertThat(CobblestoneEncryptor.ciphertextLength(vector.messageLength()))
        .isEqualTo(vector.ciphertext().length);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static CobblestoneDecryptor decryptor(CobblestoneVector vector) throws Exception {
    return CobblestoneDecryptor.decrypting(
        vector.key(), vector.context(), new ByteArrayInputStream(vector.ciphertext()));
  }

  private static CobblestoneRandomAccess randomAccess(CobblestoneVector vector) throws Exception {
    return CobblestoneRandomAccess.open(
        vector.key(), vector.context(), CiphertextSource.of(vector.ciphertext()));
  }

  private static byte[] readWhole(CobblestoneRandomAccess access) throws Exception {
    byte[] message = new byte[Math.toIntExact(access.length())];
    access.readFully(0, message, 0, message.length);
    return message;
  }

  private static byte[] readWholeUnchecked(byte[] key, byte[] baseNonce, CiphertextSource source) {
    try {
      return readWhole(CobblestoneRandomAccess.raw(key, baseNonce, source));
    } catch (Exception e) {
      throw new AssertionError("valid vector failed in raw random access", e);
    }
  }

  /** Exactly the message (valid) or the valid prefix (PartialPlaintext), else nothing. */
  private static void assertMatchesDescribedBytes(CobblestoneVector vector, byte[] released) {
    assertThat((long) released.length).isEqualTo(vector.messageLength());
    if (vector.messageSha512() != null) {
      assertThat(CobblestoneVector.sha512(released)).isEqualTo(vector.messageSha512());
    }
  }

  private static void assertKeepsFailing(InputStream decryptor) {
    assertThatThrownBy(decryptor::read).isInstanceOf(CiphertextIOException.class);
    assertThatThrownBy(() -> decryptor.read(new byte[20_000], 0, 20_000))
        .isInstanceOf(CiphertextIOException.class);
    assertThatThrownBy(decryptor::readAllBytes).isInstanceOf(CiphertextIOException.class);
  }
}
