package ai.ailock.distribution.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tus peer of {@code shared/peers/tus} (a tus 1.0 server on {@code @tus/server} with its file store, and a Node
 * client sending 4 MiB PATCHes): copied to a fresh directory, {@code npm install}ed there, started, and driven by
 * its own client, which prints the median MB/s of plain (unencrypted) uploads. Stopped on close.
 */
final class TusPeer implements AutoCloseable {
  private static final Pattern MEDIAN = Pattern.compile("median ([0-9.]+) MB/s");

  private final Path dir;
  private final Path store;
  private final int port;
  private final Process server;

  private TusPeer(Path dir, Path store, int port, Process server) {
    this.dir = dir;
    this.store = store;
    this.port = port;
    this.server = server;
  }

  /** @return why the peer cannot run here (node or npm missing), or empty if it can */
  static Optional<String> unavailableReason() {
    for (String tool : List.of("node", "npm")) {
      if (which(tool).isEmpty()) {
        return Optional.of(tool + " is not installed (apt-get install nodejs npm)");
      }
    }
    return Optional.empty();
  }

  /**
   * Copies {@code peerDir} (the folder with package.json, server.mjs and client.mjs) under {@code work}, installs
   * its dependencies and starts the server.
   *
   * @throws IOException if npm install fails or the server does not start
   */
  static TusPeer start(Path peerDir, Path work) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(work.resolve("tus"));
    for (String file : List.of("package.json", "server.mjs", "client.mjs")) {
      Files.copy(peerDir.resolve(file), dir.resolve(file));
    }
    run(dir, 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
    Path store = Files.createDirectories(dir.resolve("data"));
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder("node", "server.mjs").directory(dir.toFile())
        .redirectErrorStream(true);
    builder.environment().put("TUS_DIR", store.toString());
    builder.environment().put("TUS_PORT", Integer.toString(port));
    Process server = builder.start();
    var reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = reader.readLine(); // "tus listening on ..." once it accepts connections
    if (line == null || !line.startsWith("tus listening")) {
      server.destroyForcibly();
      throw new IOException("the tus server did not start: " + line);
    }
    return new TusPeer(dir, store, port, server);
  }

  /** Runs the peer's client on {@code file} {@code runs} times; @return its median MB/s */
  double medianUploadMbPerSecond(Path file, int runs) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("node", "client.mjs", file.toString(), Integer.toString(runs))
        .directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().put("TUS_DIR", store.toString());
    builder.environment().put("TUS_PORT", Integer.toString(port));
    Process client = builder.start();
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!client.waitFor(10, TimeUnit.MINUTES) || client.exitValue() != 0) {
      throw new IOException("the tus client failed:\n" + output);
    }
    Matcher median = MEDIAN.matcher(output);
    if (!median.find()) {
      throw new IOException("no median in the tus client's output:\n" + output);
    }
    return Double.parseDouble(median.group(1));
  }

  @Override
  public void close() {
    server.destroy();
    try {
      server.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> which(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(entry, tool);
      if (!entry.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void run(Path dir, int timeoutSeconds, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir.getParent(), "npm-", ".log");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed in " + dir + ":\n" + readQuietly(log));
    }
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
