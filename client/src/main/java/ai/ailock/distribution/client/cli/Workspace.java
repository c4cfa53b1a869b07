package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.keystore.KeyFile;
import ai.ailock.distribution.client.keystore.PrivateFiles;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.personalize.PersonalizedGrant;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.schemas.WireJson;
import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local side of the CLI: where the key file, the product keyring and unfinished uploads live under the home
 * directory, and how the passphrase is obtained (env {@code AILOCK_PASSPHRASE}, {@code --passphrase-file}, or a
 * console prompt).
 */
final class Workspace {
  static final String PASSPHRASE_ENV = "AILOCK_PASSPHRASE";

  private final Path home;
  private final Path keyFile;
  private final URI server;
  private final @Nullable Path passphraseFile;

  Workspace(Path home, Path keyFile, URI server, @Nullable Path passphraseFile) {
    this.home = home;
    this.keyFile = keyFile;
    this.server = server;
    this.passphraseFile = passphraseFile;
  }

  Path keyFile() {
    return keyFile;
  }

  URI server() {
    return server;
  }

  /** Loads the identity keys, asking for the passphrase if the key file has one. */
  AilockKeys keys() throws IOException, GeneralSecurityException {
    if (!Files.exists(keyFile)) {
      throw new NoSuchFileException(keyFile.toString(), null, "no key file; create one with 'ailock keygen'");
    }
    char[] passphrase = KeyFile.isProtected(keyFile) ? passphrase(false) : null;
    try {
      return KeyFile.load(keyFile, passphrase);
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
  }

  SignedHttp http(AilockKeys keys) {
    return new SignedHttp(server, keys);
  }

  ProductKeyring keyring(AilockKeys keys) {
    return new ProductKeyring(home.resolve("products"), keys);
  }

  /** @return where the state of an unfinished upload of {@code file} lives */
  Path uploadState(Path file) {
    byte[] path = file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(path);
      return uploads().resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Path uploads() {
    return home.resolve("uploads");
  }

  /** @return makes and grants personalized copies, working in the home's {@code copies} folder (owner-only) */
  PersonalizedGrant personalizedGrant(AilockKeys keys, TransferOptions options, String terms) {
    return new PersonalizedGrant(http(keys), keyring(keys), home.resolve("copies"), options, terms);
  }

  /** @return where the signed receipt of a downloaded transfer waits until {@code ailock ack} sends it */
  Path receipt(String transferId) {
    if (!transferId.matches("[A-Za-z0-9._-]{1,128}")) {
      throw new IllegalArgumentException("malformed transfer id");
    }
    return receipts().resolve(transferId + ".json");
  }

  /** @return where signed receipts are kept (by transfer id) */
  Path receipts() {
    return home.resolve("receipts");
  }

  /** @return where {@code ailock listen} keeps its inbox cursor */
  Path inboxCursor() {
    return home.resolve("inbox-cursor.json");
  }

  /** Remembers the Ailock id the service assigned at registration (not secret, kept owner-only anyway). */
  void saveRegistration(String ailockId, String keyId) throws IOException {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("ailock_id", ailockId);
    json.put("key_id", keyId);
    json.put("server", server.toString());
    PrivateFiles.write(home.resolve("registration.json"), WireJson.mapper().writeValueAsBytes(json), true);
  }

  /** @return the Ailock id saved at registration, if it was made with this key */
  Optional<String> registeredAilockId(String keyId) throws IOException {
    Path file = home.resolve("registration.json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode json = WireJson.mapper().readTree(Files.readAllBytes(file));
    return keyId.equals(json.path("key_id").asString("")) ? Optional.of(json.path("ailock_id").asString())
        : Optional.empty();
  }

  /**
   * @param confirm ask twice on a console (for a new key file)
   * @return the passphrase from the environment, the passphrase file or the console
   * @throws IOException if none is available
   */
  char[] passphrase(boolean confirm) throws IOException {
    String fromEnv = System.getenv(PASSPHRASE_ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    if (passphraseFile != null) {
      String first = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      if (first.isEmpty()) {
        throw new IOException(passphraseFile + " holds no passphrase");
      }
      return first.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new IOException("the key file needs a passphrase: set " + PASSPHRASE_ENV + " or use --passphrase-file");
    }
    char[] passphrase = console.readPassword("Passphrase for %s: ", keyFile);
    if (passphrase == null || passphrase.length == 0) {
      throw new IOException("no passphrase given");
    }
    if (confirm) {
      char[] again = console.readPassword("Repeat the passphrase: ");
      boolean same = Arrays.equals(passphrase, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(passphrase, '\0');
        throw new IOException("the passphrases differ");
      }
    }
    return passphrase;
  }
}
