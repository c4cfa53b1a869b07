package ai.ailock.distribution.storage.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server for tests: s3proxy with its filesystem backend, run as a subprocess so its cloud SDK jars
 * stay off the test classpath. Starts in about a second; {@link #close()} kills it and removes its files.
 *
 * <p>The jar comes from the system property {@value #JAR_PROPERTY}, by default {@code target/s3proxy/s3proxy.jar}
 * relative to the working directory (the module directory under Maven, where the build copies it).
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.start();
 *      S3BlobStore store = S3BlobStore.create(s3.settings())) { ... }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {
  /** System property naming the s3proxy {@code jar-with-dependencies}. */
  public static final String JAR_PROPERTY = "s3proxy.jar";
  /** The bucket {@link #start()} creates. */
  public static final String DEFAULT_BUCKET = "blobs";

  private static final String IDENTITY = "local-identity";
  private static final String CREDENTIAL = "local-credential";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path workDirectory;
  private final URI endpoint;
  private final String bucket;
  private final Thread killOnExit;

  private S3ProxyServer(Process process, Path workDirectory, URI endpoint, String bucket) {
    this.process = process;
    this.workDirectory = workDirectory;
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.killOnExit = new Thread(process::destroyForcibly, "s3proxy-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts a server with the bucket {@value #DEFAULT_BUCKET}. */
  public static S3ProxyServer start() {
    return start(DEFAULT_BUCKET);
  }

  /** Starts a server on a free loopback port, waits until it answers and creates {@code bucket}. */
  public static S3ProxyServer start(String bucket) {
    Path jar = locateJar();
    try {
      Path workDirectory = Files.createTempDirectory("s3proxy-");
      Path data = Files.createDirectory(workDirectory.resolve("data"));
      URI endpoint = URI.create("http://127.0.0.1:" + freePort());
      Path properties = writeProperties(workDirectory, endpoint, data);
      Process process = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-DLOG_LEVEL=warn",
          "-jar", jar.toString(), "--properties", properties.toString())
          .redirectErrorStream(true)
          .redirectOutput(workDirectory.resolve("s3proxy.log").toFile())
          .start();
      S3ProxyServer server = new S3ProxyServer(process, workDirectory, endpoint, bucket);
      try {
        server.awaitReady();
        server.createBucket(bucket);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start s3proxy", e);
    }
  }

  /** @return the server's address, such as {@code http://127.0.0.1:41234} */
  public URI endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  public String accessKeyId() {
    return IDENTITY;
  }

  public String secretAccessKey() {
    return CREDENTIAL;
  }

  /** @return settings for {@link S3BlobStore#create} that reach this server's bucket */
  public S3Settings settings() {
    return settings("");
  }

  /** @return settings for {@link S3BlobStore#create} that reach this server's bucket under {@code keyPrefix} */
  public S3Settings settings(String keyPrefix) {
    return S3Settings.builder()
        .bucket(bucket)
        .endpoint(endpoint)
        .pathStyleAccess(true)
        .keyPrefix(keyPrefix)
        .credentials(IDENTITY, CREDENTIAL)
        .build();
  }

  /** Creates another bucket. */
  public void createBucket(String name) {
    try (S3Client client = S3BlobStore.newClient(settings())) {
      client.createBucket(b -> b.bucket(name));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs anyway
    }
    deleteRecursively(workDirectory);
  }

  @Override
  public String toString() {
    return "S3ProxyServer[" + endpoint + "/" + bucket + "]";
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited with " + process.exitValue() + ":\n" + log());
      }
      if (answers()) {
        return;
      }
      sleep(Duration.ofMillis(20));
    }
    throw new IllegalStateException("s3proxy did not answer within " + STARTUP_TIMEOUT + ":\n" + log());
  }

  private boolean answers() {
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setConnectTimeout(200);
      connection.setReadTimeout(1000);
      try {
        return connection.getResponseCode() > 0; // any answer, typically 403 for an unsigned request
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(workDirectory.resolve("s3proxy.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static Path writeProperties(Path directory, URI endpoint, Path data) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("s3proxy.endpoint", endpoint.toString());
    properties.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    properties.setProperty("s3proxy.identity", IDENTITY);
    properties.setProperty("s3proxy.credential", CREDENTIAL);
    // s3proxy.virtual-host stays unset: buckets are addressed path-style
    properties.setProperty("jclouds.provider", "filesystem");
    properties.setProperty("jclouds.identity", IDENTITY);
    properties.setProperty("jclouds.credential", CREDENTIAL);
    properties.setProperty("jclouds.filesystem.basedir", data.toString());
    Path file = directory.resolve("s3proxy.properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "generated by " + S3ProxyServer.class.getName());
    }
    return file;
  }

  private static Path locateJar() {
    Path jar = Paths.get(System.getProperty(JAR_PROPERTY, "target/s3proxy/s3proxy.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("s3proxy jar not found at " + jar + "; build the module (the maven-dependency-"
          + "plugin copies it there) or set -D" + JAR_PROPERTY + "=<path>");
    }
    return jar;
  }

  private static String javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for s3proxy", e);
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
