package ai.ailock.distribution.storage.jdbc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs an {@link EmbeddedPostgresServer} in a separate JVM for {@link EmbeddedPostgresServerIT}: prints
 * {@code READY <port>} once started, stops when its standard input closes.
 */
final class EmbeddedPostgresServerChild {
  private EmbeddedPostgresServerChild() {}

  public static void main(String[] args) throws IOException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]))) {
      System.out.println("READY " + server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our input
      }
    }
  }
}
