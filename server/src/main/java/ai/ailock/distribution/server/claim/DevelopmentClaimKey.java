package ai.ailock.distribution.server.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The single-node default when no signing key is configured: one Ed25519 key generated on first start and kept in a
 * file under the data directory (owner-only), so restarts do not invalidate tokens. Format: a properties file with
 * {@code kid} and {@code seed} (base64url of the 32-byte private key). Production configures its keys instead.
 */
public final class DevelopmentClaimKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private DevelopmentClaimKey() {}

  /** @return the key in {@code file}, created with a fresh key if absent */
  public static ClaimSigningKey loadOrCreate(Path file) {
    try {
      if (Files.notExists(file)) {
        create(file);
      }
      var properties = new Properties();
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      return ClaimSigningKey.fromSeed(properties.getProperty("kid", ""),
          Base64.getUrlDecoder().decode(properties.getProperty("seed", "")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the claim signing key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] seed = new byte[32];
    RANDOM.nextBytes(seed);
    byte[] kidBytes = new byte[6];
    RANDOM.nextBytes(kidBytes);
    String content = "# claim-signing key of this single-node service; keep it secret\nkid=dev-"
        + HexFormat.of().formatHex(kidBytes) + "\nseed=" + Base64.getUrlEncoder().withoutPadding().encodeToString(seed)
        + "\n";
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".claim-key", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX filesystem: the directory's protection applies
      }
      Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.createLink(file, temporary); // never replaces a key another instance wrote meanwhile
      } catch (FileAlreadyExistsException e) {
        // another instance won; use its key
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, file);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
