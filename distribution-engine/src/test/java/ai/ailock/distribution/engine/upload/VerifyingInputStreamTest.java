package ai.ailock.distribution.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.fixtures.Ciphertext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyingInputStreamTest {
  private final byte[] content = Ciphertext.pseudoRandom(10_000, 7).bytes();
  private final String sha256 = Sha256Hex.of(content);

  @Test
  void passesTheExpectedBytesThrough() throws IOException {
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(content), content.length, sha256);

    assertThat(verifying.readAllBytes()).isEqualTo(content);
    assertThat(verifying.read()).isEqualTo(-1);
    assertThat(verifying.failure()).isNull();
  }

  @Test
  void passesTheExpectedBytesThroughOneAtATime() throws IOException {
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(content), content.length, sha256);
    byte[] copy = new byte[content.length];

    for (int i = 0; i < copy.length; i++) {
      copy[i] = (byte) verifying.read();
    }

    assertThat(copy).isEqualTo(content);
    assertThat(verifying.read()).isEqualTo(-1);
  }

  @ParameterizedTest(name = "reading {0} bytes at a time")
  @ValueSource(ints = {1, 7, 4096, 10_000, 65_536})
  void withholdsTheLastBytesWhenTheHashDiffers(int readSize) {
    byte[] tampered = content.clone();
    tampered[0] ^= 1;
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(tampered), tampered.length, sha256);
    var sink = new CountingSink();

    assertThatThrownBy(() -> sink.drain(verifying, readSize)).isInstanceOf(IOException.class);

    assertThat(sink.delivered).isLessThan(content.length);
    assertThat(verifying.failure()).isEqualTo(VerifyingInputStream.Failure.HASH_MISMATCH);
  }

  @Test
  void failsWhenTheSourceEndsEarly() {
    byte[] truncated = Arrays.copyOf(content, content.length - 1);
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(truncated), content.length, sha256);

    assertThatThrownBy(verifying::readAllBytes).isInstanceOf(IOException.class);

    assertThat(verifying.failure()).isEqualTo(VerifyingInputStream.Failure.TOO_SHORT);
  }

  @Test
  void failsWhenTheSourceHasBytesPastTheExpectedLength() {
    byte[] extended = Arrays.copyOf(content, content.length + 1);
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(extended), content.length, sha256);
    var sink = new CountingSink();

    assertThatThrownBy(() -> sink.drain(verifying, 4096)).isInstanceOf(IOException.class);

    assertThat(sink.delivered).isLessThan(content.length);
    assertThat(verifying.failure()).isEqualTo(VerifyingInputStream.Failure.TOO_LONG);
  }

  @Test
  void keepsFailingAfterAFailure() {
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(content), content.length, "0".repeat(64));
    assertThatThrownBy(verifying::readAllBytes).isInstanceOf(IOException.class);

    assertThatThrownBy(verifying::read).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> verifying.read(new byte[10], 0, 10)).isInstanceOf(IOException.class);
    assertThat(verifying.failure()).isEqualTo(VerifyingInputStream.Failure.HASH_MISMATCH);
  }

  @Test
  void refusesToSkipPastUnverifiedBytes() {
    var verifying = new VerifyingInputStream(new ByteArrayInputStream(content), content.length, sha256);

    assertThatThrownBy(() -> verifying.skip(10)).isInstanceOf(IOException.class);
    assertThat(verifying.markSupported()).isFalse();
  }

  /** Counts the bytes a reader was actually handed, as a store writing from the stream would. */
  @Test
  void namesABodyThatBreaksOffAsInterrupted() {
    InputStream breaking = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    var verifying = new VerifyingInputStream(breaking, 10, "0".repeat(64));

    assertThatThrownBy(() -> verifying.read(new byte[10], 0, 10)).isInstanceOf(IOException.class);
    assertThat(verifying.failure()).isEqualTo(VerifyingInputStream.Failure.INTERRUPTED);
  }

  private static final class CountingSink {
    long delivered;

    void drain(InputStream in, int readSize) throws IOException {
      byte[] buffer = new byte[readSize];
      for (int n; (n = in.read(buffer, 0, readSize)) != -1; ) {
        delivered += n;
      }
    }
  }
}
