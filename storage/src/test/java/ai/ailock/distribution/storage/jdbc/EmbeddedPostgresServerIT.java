package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {
  @TempDir
  Path temp;

  @Test
  void startsWhileTheJvmRunsAsRoot() throws SQLException {
    assumeThat(System.getProperty("user.name")).isEqualTo("root");

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("data"))) {
      assertThat(query(server.dataSource(), "SELECT current_user")).isEqualTo("postgres");
      assertThat(query(server.dataSource(), "SHOW server_version")).startsWith("15.");
    }
  }

  @Test
  void runsDurablyOnLocalhostOnly() throws SQLException {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("data"))) {
      assertThat(query(server.dataSource(), "SHOW fsync")).isEqualTo("on");
      assertThat(query(server.dataSource(), "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(query(server.dataSource(), "SHOW listen_addresses")).isEqualTo("localhost");
    }
  }

  @Test
  void keepsDataAcrossAStopAndStartOnTheSameDirectory() throws SQLException {
    // given
    Path data = temp.resolve("data");
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data)) {
      execute(first.dataSource(), "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('survives')");
    }

    // when
    try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data)) {

      // then
      assertThat(query(second.dataSource(), "SELECT note FROM kept")).isEqualTo("survives");
    }
  }

  @Test
  void listensOnTheRequestedPortAndHandsOutWorkingConnectionDetails() throws Exception {
    // given
    int port = freePort();

    // when
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("data"), port)) {

      // then
      assertThat(server.port()).isEqualTo(port);
      try (Connection connection =
               DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void refusesASecondServerOnADirectoryInUseInThisJvm() throws SQLException {
    // given
    Path data = temp.resolve("data");
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data)) {

      // when
      Throwable refusal = catchThrowable(() -> EmbeddedPostgresServer.start(data));

      // then
      assertThat(refusal).isInstanceOf(EmbeddedPostgresException.class).hasMessageContaining("in use");
      assertThat(query(first.dataSource(), "SELECT 1")).isEqualTo("1");
    }
  }

  @Test
  void refusesASecondServerOnADirectoryInUseByAnotherProcess() throws Exception {
    // given
    Path data = temp.resolve("data");
    Process child = startChild(data);
    try {
      int childPort = awaitReady(child);

      // when
      Throwable refusal = catchThrowable(() -> EmbeddedPostgresServer.start(data));

      // then
      assertThat(refusal).isInstanceOf(EmbeddedPostgresException.class).hasMessageContaining("in use");
      try (Connection connection = DriverManager.getConnection(
          "jdbc:postgresql://localhost:" + childPort + "/postgres", "postgres", "")) {
        assertThat(connection.isValid(5)).isTrue();
      }
    } finally {
      child.getOutputStream().close();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void takesOverADirectoryWhoseServerOutlivedItsKilledJvm() throws Exception {
    // given: a JVM that started a server and wrote a row, then died without stopping it
    Path data = temp.resolve("data");
    Process child = startChild(data);
    int childPort = awaitReady(child);
    try (Connection connection = DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + childPort + "/postgres", "postgres", "")) {
      execute(connection, "CREATE TABLE kept (note text)", "INSERT INTO kept VALUES ('committed')");
    }
    child.destroyForcibly().waitFor();
    Optional<ProcessHandle> orphan = postmaster(data);
    assertThat(orphan).as("postmaster outlives its JVM").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

    // when
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {

      // then
      assertThat(orphan.get().isAlive()).isFalse();
      assertThat(query(server.dataSource(), "SELECT note FROM kept")).isEqualTo("committed");
    }
  }

  @Test
  void removesAStalePidFileNamingAnotherProcess() throws Exception {
    // given: a cluster, and a pid file naming a live process that is not a postmaster (a reused pid)
    Path data = temp.resolve("data");
    EmbeddedPostgresServer.start(data).close();
    Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

    // when
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {

      // then
      assertThat(query(server.dataSource(), "SELECT 1")).isEqualTo("1");
    }
  }

  private static Process startChild(Path data) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedPostgresServerChild.class.getName(), data.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static int awaitReady(Process child) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY ")) {
        return Integer.parseInt(line.substring("READY ".length()).trim());
      }
    }
    throw new IllegalStateException("child JVM ended without starting PostgreSQL");
  }

  private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
    String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
    return ProcessHandle.of(Long.parseLong(pid));
  }

  private static String query(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private static void execute(DataSource dataSource, String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      execute(connection, statements);
    }
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
