package ai.ailock.distribution.storage.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL 15 server from the zonky embedded binaries: the reference server's single-node default, and the
 * engine of the test fixture.
 *
 * <p>The data directory is kept across runs: the first start creates the cluster ({@code initdb}), later starts
 * reuse it. The server listens on {@code localhost} only and trusts local connections as the superuser
 * {@value #USERNAME} (no password), as zonky's {@code initdb} sets it up. {@link #start} runs it durably
 * ({@code fsync} and {@code synchronous_commit} on, overriding zonky's test defaults).
 *
 * <p>Running as root: PostgreSQL refuses to run as root. zonky then starts every PostgreSQL command under
 * {@code unshare -U}, in a user namespace where the process is an unprivileged user while its files stay owned by
 * root; that needs unprivileged user namespaces (a container's default seccomp profile may forbid them). Without
 * them, {@link #start} fails straight away with an explanation.
 *
 * <p>One server per data directory: a second start on a directory in use, from this JVM or another process, fails
 * with {@link EmbeddedPostgresException} and leaves the running server alone. A postmaster left running by a killed
 * JVM is shut down before the new start (see {@link EmbeddedPostgresDataDirectory}). Stops on {@link #close()}, and
 * at JVM exit if not closed. Thread-safe.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  /** The superuser, trusted on local connections. */
  public static final String USERNAME = "postgres";

  private static final Set<Path> DIRECTORIES_IN_USE = ConcurrentHashMap.newKeySet();
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /** Starts a durable server on a free port; see {@link #start(Path, int)}. */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    return start(dataDirectory, 0);
  }

  /**
   * Starts a durable server keeping its data in {@code dataDirectory}.
   *
   * @param dataDirectory created if missing; initialised on first use
   * @param port the TCP port on localhost, or 0 for a free one
   * @throws EmbeddedPostgresException if the directory is in use, or PostgreSQL cannot be started
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    return start(dataDirectory, port, true);
  }

  /**
   * Starts a server for throwaway data on a free port: {@code fsync} and {@code synchronous_commit} off, and no
   * stop at JVM exit, so the caller can stop it and then remove the directory in its own shutdown hook.
   */
  static EmbeddedPostgresServer startThrowaway(Path dataDirectory) {
    return start(dataDirectory, 0, false);
  }

  private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    requireRunnableByThisUser();
    Path directory = realDirectory(dataDirectory);
    if (!DIRECTORIES_IN_USE.add(directory)) {
      throw EmbeddedPostgresDataDirectory.inUse(directory, null);
    }
    try {
      EmbeddedPostgresDataDirectory.releaseAbandonedServer(directory);
      return new EmbeddedPostgresServer(builder(directory, port, durable).start(), directory);
    } catch (OverlappingFileLockException e) {
      throw released(directory, EmbeddedPostgresDataDirectory.inUse(directory, e));
    } catch (IllegalStateException e) {
      boolean locked = String.valueOf(e.getMessage()).startsWith("could not lock");
      throw released(directory, locked
          ? EmbeddedPostgresDataDirectory.inUse(directory, e)
          : new EmbeddedPostgresException("cannot start PostgreSQL in " + directory + ": " + e.getMessage(), e));
    } catch (IOException e) {
      throw released(directory, new EmbeddedPostgresException("cannot start PostgreSQL in " + directory, e));
    } catch (RuntimeException e) {
      throw released(directory, e);
    }
  }

  /** @return the TCP port on localhost */
  public int port() {
    return postgres.getPort();
  }

  /** @return the data directory, with symbolic links resolved */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** @return the JDBC URL of {@code database}, without credentials */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** @return the JDBC URL of the {@code postgres} database */
  public String jdbcUrl() {
    return jdbcUrl("postgres");
  }

  /** @return {@value #USERNAME} */
  public String username() {
    return USERNAME;
  }

  /** @return the empty password: local connections are trusted */
  public String password() {
    return "";
  }

  /** @return an unpooled data source for the {@code postgres} database */
  public DataSource dataSource() {
    return dataSource("postgres");
  }

  /** @return an unpooled data source for {@code database} */
  public DataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"localhost"});
    dataSource.setPortNumbers(new int[] {port()});
    dataSource.setDatabaseName(database);
    dataSource.setUser(USERNAME);
    return dataSource;
  }

  /** Stops the server (fast shutdown). Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new EmbeddedPostgresException("cannot stop PostgreSQL in " + dataDirectory, e);
    } finally {
      DIRECTORIES_IN_USE.remove(dataDirectory);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedPostgresServer[localhost:" + port() + ", " + dataDirectory + "]";
  }

  private static EmbeddedPostgres.Builder builder(Path directory, int port, boolean durable) {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPGStartupWait(STARTUP_TIMEOUT)
        .setServerConfig("listen_addresses", "localhost");
    if (port != 0) {
      builder.setPort(port);
    }
    if (durable) {
      // zonky starts postgres with -F (fsync off) and synchronous_commit=off; later -c options win
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    } else {
      builder.setRegisterShutdownHook(false);
    }
    return builder;
  }

  private static Path realDirectory(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      return dataDirectory.toRealPath();
    } catch (IOException e) {
      throw new EmbeddedPostgresException("cannot create PostgreSQL data directory " + dataDirectory, e);
    }
  }

  private static void requireRunnableByThisUser() {
    if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
      throw new EmbeddedPostgresException("PostgreSQL cannot run as root, and 'unshare -U' (used to run it as an "
          + "unprivileged user in a user namespace) is not available here: run as a non-root user, or allow "
          + "unprivileged user namespaces");
    }
  }

  private static RuntimeException released(Path directory, RuntimeException failure) {
    DIRECTORIES_IN_USE.remove(directory);
    return failure;
  }
}
