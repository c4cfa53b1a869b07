package ai.ailock.distribution.it;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.server.DistributionServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reference server in this JVM on its single-node defaults (embedded PostgreSQL, filesystem blobs) under a
 * fresh data directory, shared by every {@code Sdk*IT} class (one Spring context), and what the SDK tests need
 * around it: registered Ailocks and generated files.
 */
@SpringBootTest(classes = DistributionServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ailock.distribution.housekeeping.interval=1h")
abstract class SdkServerSupport {
  private static final Path DATA_DIR = dataDir();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("ailock.distribution.data-dir", DATA_DIR::toString);
  }

  URI functions() {
    return URI.create("http://127.0.0.1:" + port + "/.netlify/functions");
  }

  /** @return a new Ailock whose keys are registered with the server */
  SignedHttp registeredAilock() {
    AilockKeys keys = AilockKeys.generate();
    SignedHttp http = new SignedHttp(functions(), keys);
    new HttpIdentities(http).register(keys);
    return http;
  }

  /** Writes {@code size} pseudo-random bytes (fast, incompressible) and returns the file. */
  static Path generate(Path file, long size, long seed) {
    return RandomFile.write(file, size, seed);
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1024 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new directory under {@code target/sdk-it}. The server's data (a 200 MiB product among it) outlives the test
   * JVM's last assertion, so directories that earlier runs left are removed here once they are six hours old.
   */
  private static Path dataDir() {
    try {
      Path base = Files.createDirectories(Path.of("target", "sdk-it")).toAbsolutePath();
      long now = System.currentTimeMillis();
      try (var old = Files.list(base)) {
        old.filter(dir -> startedBefore(dir, now - 6 * 3600_000L)).forEach(SdkServerSupport::deleteTree);
      }
      return Files.createTempDirectory(base, "data-" + now + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startedBefore(Path dir, long millis) {
    String[] parts = dir.getFileName().toString().split("-");
    return parts.length == 3 && parts[0].equals("data") && parts[1].matches("\\d{1,19}")
        && Long.parseLong(parts[1]) < millis;
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: another run may still be using it
    }
  }
}
