package ai.ailock.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference server in its own JVM, on embedded defaults under a data directory, with a bounded heap: what
 * an operator runs, measured from outside. Uses this JVM's class path. Stopped (and waited for) on close.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server with at most {@code maxHeapMb} MiB of heap and waits until it answers. */
  public static ServerProcess start(Path dataDir, int maxHeapMb, String... extraArgs) {
    try {
      int port = freePort();
      Path log = dataDir.resolve("server.log");
      Files.createDirectories(dataDir);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx" + maxHeapMb + "m", "-XX:+ExitOnOutOfMemoryError"));
      // extra JVM options for profiling, e.g. AILOCK_SERVER_JVM_OPTIONS=-XX:StartFlightRecording=filename=s.jfr
      String extra = System.getenv("AILOCK_SERVER_JVM_OPTIONS");
      if (extra != null && !extra.isBlank()) {
        command.addAll(List.of(extra.trim().split("\\s+")));
      }
      command.addAll(List.of(
          "-cp", System.getProperty("java.class.path"),
          "ai.ailock.distribution.server.DistributionServer",
          "--server.port=" + port,
          "--ailock.distribution.data-dir=" + dataDir.toAbsolutePath()));
      command.addAll(List.of(extraArgs));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      var server = new ServerProcess(process, port, log);
      server.awaitReady(Duration.ofSeconds(90));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public URI functions() {
    return URI.create("http://127.0.0.1:" + port + "/.netlify/functions");
  }

  public boolean alive() {
    return process.isAlive();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(functions() + "/ready")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() > 0) {
          return;
        }
      } catch (IOException e) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("server did not answer within " + timeout + ":\n" + log());
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
