package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Messages.RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CobblestoneRoundTripTest {

  private static final int MIB = 1024 * 1024;
  private static final byte[] KEY = CobblestoneEncryptor.generateKey();
  private static final CobblestoneContext CONTEXT = CobblestoneContext.content("prod", "1.0");
  private static final byte[] SALT = new byte[24];

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(
      ints = {0, 1, RECORD - 1, RECORD, RECORD + 1, 2 * RECORD, 4 * MIB - 1, 4 * MIB, 4 * MIB + 1})
  void roundTripsBoundaryLengthsThroughEveryInterface(int length) throws Exception {
    byte[] plaintext = Messages.plaintext(length);

    byte[] ciphertext = Messages.encrypt(KEY, CONTEXT, plaintext);

    assertThat((long) ciphertext.length).isEqualTo(CobblestoneEncryptor.ciphertextLength(length));
    assertThat(Arrays.mismatch(Messages.decrypt(KEY, CONTEXT, ciphertext), plaintext))
        .isEqualTo(-1);
    assertThat(Arrays.mismatch(Messages.readWhole(KEY, CONTEXT, ciphertext), plaintext))
        .isEqualTo(-1);
  }

  @Test
  void ciphertextLengthIsHeaderPlusPlaintextPlusATagPerRecord() {
    assertThat(CobblestoneEncryptor.ciphertextLength(0)).isEqualTo(56 + 16);
    assertThat(CobblestoneEncryptor.ciphertextLength(RECORD)).isEqualTo(56 + RECORD + 32);
    assertThat(CobblestoneEncryptor.ciphertextLength(200L * MIB))
        .isEqualTo(56 + 200L * MIB + (200L * MIB / RECORD + 1) * 16);
    assertThatThrownBy(() -> CobblestoneEncryptor.ciphertextLength(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CobblestoneEncryptor.ciphertextLength(1L << 52))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "reads of {0} bytes")
  @ValueSource(ints = {1, 7, RECORD - 1, RECORD, RECORD + 15, RECORD + 16, RECORD + 17, 4 * MIB})
  void readSizesChangeNeitherCiphertextNorPlaintext(int readSize) throws Exception {
    byte[] plaintext = Messages.plaintext(3 * RECORD + 333);
    byte[] expected = encryptWithFixedSalt(plaintext).readAllBytes();

    byte[] ciphertext = StreamOutcome.drain(encryptWithFixedSalt(plaintext), readSize).released();
    CobblestoneDecryptor decryptor =
        CobblestoneDecryptor.decrypting(KEY, CONTEXT, new ByteArrayInputStream(ciphertext));
    StreamOutcome decrypted = StreamOutcome.drain(decryptor, readSize);

    assertThat(ciphertext).isEqualTo(expected);
    assertThat(decrypted.failure()).isNull();
    assertThat(decrypted.released()).isEqualTo(plaintext);
  }

  @Test
  void uploaderReadsTransportChunksOfAtMost4MiB() throws Exception {
    long length = 9L * MIB + 5;
    InputStream encryptor =
        CobblestoneEncryptor.encrypting(KEY, CONTEXT, new GeneratedPlaintext(length));

    long total = 0;
    int chunks = 0;
    for (byte[] chunk; (chunk = encryptor.readNBytes(4 * MIB)).length > 0; chunks++) {
      assertThat(chunk.length).isLessThanOrEqualTo(4 * MIB);
      total += chunk.length;
    }

    assertThat(chunks).isEqualTo(3);
    assertThat(total).isEqualTo(CobblestoneEncryptor.ciphertextLength(length));
  }

  @Test
  void randomAccessReadsAnyRange() throws Exception {
    byte[] plaintext = Messages.plaintext(3 * RECORD + 500);
    byte[] ciphertext = Messages.encrypt(KEY, CONTEXT, plaintext);
    CobblestoneRandomAccess access =
        CobblestoneRandomAccess.open(KEY, CONTEXT, CiphertextSource.of(ciphertext));
    int[][] ranges = {
      {0, 0}, {0, 1}, {RECORD - 1, 2}, {RECORD, RECORD}, {100, 40_000}, {plaintext.length - 1, 1}
    };

    for (int[] range : ranges) {
      byte[] read = new byte[range[1]];
      access.readFully(range[0], read, 0, read.length);
      assertThat(read).isEqualTo(Arrays.copyOfRange(plaintext, range[0], range[0] + range[1]));
    }
    byte[] tail = new byte[100];
    assertThat(access.read(plaintext.length - 10, tail, 0, 100)).isEqualTo(10);
    assertThat(access.read(plaintext.length, tail, 0, 100)).isEqualTo(-1);
    assertThatThrownBy(() -> access.readFully(plaintext.length - 10, tail, 0, 100))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void streams64MiBWithoutEverHoldingTheMessage() throws Exception {
    long length = 64L * MIB;
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    CountingOutputStream sink = new CountingOutputStream();
    long allocatedBefore = allocatedBytes();

    try (InputStream plaintext = new DigestInputStream(new GeneratedPlaintext(length), sent);
        InputStream encryptor = CobblestoneEncryptor.encrypting(KEY, CONTEXT, plaintext);
        InputStream decryptor = CobblestoneDecryptor.decrypting(KEY, CONTEXT, encryptor);
        OutputStream out = new DigestOutputStream(sink, received)) {
      decryptor.transferTo(out);
    }
    long allocated = allocatedBytes() - allocatedBefore;

    assertThat(sink.count).isEqualTo(length);
    assertThat(received.digest()).isEqualTo(sent.digest());
    assertThat(allocated).as("bytes allocated for 64 MiB").isLessThan(length / 4);
  }

  @Test
  void reportsEndOfStreamRepeatedlyOnlyAfterTheFinalRecord() throws Exception {
    byte[] ciphertext = Messages.encrypt(KEY, CONTEXT, Messages.plaintext(10));
    InputStream decryptor =
        CobblestoneDecryptor.decrypting(KEY, CONTEXT, new ByteArrayInputStream(ciphertext));

    assertThat(decryptor.readAllBytes()).hasSize(10);
    assertThat(decryptor.read()).isEqualTo(-1);
    assertThat(decryptor.read(new byte[5])).isEqualTo(-1);
    assertThat(decryptor.read(new byte[0])).isZero();
  }

  @Test
  void refusesReadsAfterClose() throws Exception {
    InputStream encryptor = encryptWithFixedSalt(new byte[10]);
    InputStream decryptor =
        CobblestoneDecryptor.decrypting(
            KEY, CONTEXT, new ByteArrayInputStream(Messages.encrypt(KEY, CONTEXT, new byte[10])));

    encryptor.close();
    decryptor.close();

    assertThatThrownBy(encryptor::read).isInstanceOf(IOException.class);
    assertThatThrownBy(decryptor::read).isInstanceOf(IOException.class);
  }

  private static CobblestoneEncryptor encryptWithFixedSalt(byte[] plaintext) {
    return CobblestoneEncryptor.withSalt(KEY, CONTEXT, new ByteArrayInputStream(plaintext), SALT);
  }

  /** Bytes this thread allocated so far, where the JVM tells (HotSpot does). */
  private static long allocatedBytes() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static final class CountingOutputStream extends ByteArrayOutputStream {
    long count;

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    @Override
    public void write(int b) {
      count++;
    }
  }
}
