package ai.ailock.distribution.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.transfer.PlaintextFile.Fingerprint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaintextSinkTest {

  @TempDir Path dir;

  @Test
  void writesAndHashesWhatIsSubmittedInOrderWithThreeBuffersInTurn() throws Exception {
    Path file = Files.createFile(dir.resolve("plain.part"));
    byte[] expected = new byte[10 * PlaintextSink.BUFFER_SIZE + 12345];
    new Random(3).nextBytes(expected);

    Fingerprint written;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        var sink = new PlaintextSink(channel)) {
      for (int offset = 0; offset < expected.length; ) {
        byte[] buffer = sink.buffer();
        int n = Math.min(buffer.length, expected.length - offset);
        System.arraycopy(expected, offset, buffer, 0, n);
        sink.submit(buffer, n);
        offset += n;
      }
      written = sink.finish();
    }

    assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    assertThat(written.length()).isEqualTo(expected.length);
    assertThat(written.sha256()).isEqualTo(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
  }

  @Test
  void aFailedWriteReachesTheSubmitterAndNothingAfterItIsWritten() throws Exception {
    Path file = Files.createFile(dir.resolve("plain.part"));
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    try (var sink = new PlaintextSink(channel)) {
      byte[] buffer = sink.buffer();
      channel.close(); // the disk "fails": every write from now on throws
      sink.submit(buffer, 100);

      assertThatThrownBy(() -> {
        for (int i = 0; i < 10; i++) { // the failure stops the submitter at its next buffer at the latest
          sink.submit(sink.buffer(), 100);
        }
        sink.finish();
      }).isInstanceOf(IOException.class);
      assertThatThrownBy(sink::finish).isInstanceOf(IOException.class);
    }
    assertThat(Files.size(file)).isZero();
  }
}
