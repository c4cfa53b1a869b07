package ai.ailock.distribution.server;

import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.storage.jdbc.EmbeddedPostgresFixture;
import com.zaxxer.hikari.HikariDataSource;
import ai.ailock.distribution.storage.blob.FileSystemBlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test wiring: a fresh database on the shared embedded PostgreSQL per Spring context, blobs in a temporary
 * directory, and a clock the tests can move (clients sign with the same clock, so signatures stay inside the replay window).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServerConfiguration {

  @Bean(destroyMethod = "close")
  DataSource dataSource() {
    var server = EmbeddedPostgresFixture.server();
    var pool = new HikariDataSource();
    pool.setJdbcUrl(server.jdbcUrl(EmbeddedPostgresFixture.createDatabase()));
    pool.setUsername(server.username());
    pool.setPassword(server.password());
    pool.setMaximumPoolSize(16);
    return pool;
  }

  @Bean
  FileSystemBlobStore blobStore() throws IOException {
    Path root = Files.createTempDirectory("ailock-blobs-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root), "delete-test-blobs"));
    return new FileSystemBlobStore(root);
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: the directory is in the system's temporary folder
    }
  }

  @Bean
  Clock clock() {
    return new MutableClock(Instant.now());
  }
}
