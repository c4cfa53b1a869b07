package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MiB product through the service in its own JVM, capped at 128 MiB of heap: the upload (which reads every
 * chunk back from the store to hash the whole ciphertext as it goes), the completion and the download all stream. A service that held a
 * product, or even a fraction of the in-flight chunks beyond its buffers, would die of OutOfMemoryError
 * ({@code -XX:+ExitOnOutOfMemoryError}).
 */
class LargeTransferIT {
  private static final long SIZE = 200L * 1024 * 1024;
  private static final int CHUNK = 4 * 1024 * 1024;

  @Test
  void moves200MiBThroughTheServiceWithA128MiBHeap(@TempDir Path dir) {
    var ciphertext = new GeneratedCiphertext(SIZE, CHUNK, 2026);
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), 128)) {
      var client = new RawUpload(server.functions());
      String productId = client.upload(SIZE, ciphertext, 4);
      long received = client.download(productId, ciphertext, 4);

      assertThat(received).isEqualTo(ciphertext.length());
      assertThat(server.alive()).as("server survived with a 128 MiB heap:\n%s", server.log()).isTrue();
    }
  }
}
