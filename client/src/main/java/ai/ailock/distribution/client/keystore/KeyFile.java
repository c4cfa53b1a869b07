package ai.ailock.distribution.client.keystore;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.Ed25519KeyPair;
import ai.ailock.distribution.client.crypto.KeyIds;
import ai.ailock.distribution.client.crypto.X25519;
import ai.ailock.distribution.client.crypto.X25519KeyPair;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Ailock's identity key file: its Ed25519 and X25519 key pairs in an owner-only JSON file ({@code 0600}),
 * created atomically and never overwritten. The secret keys are stored either in the clear (the file's permissions
 * are their only protection) or sealed under a passphrase (PBKDF2-HMAC-SHA256 with a
 * random salt, then AES-256-GCM). Format: {@code docs/sdk.md}, "Key file".
 *
 * <p>Loading refuses a file that its group or others may access, a file whose secret keys do not derive its public
 * keys, and (with a passphrase) one whose ciphertext or public part was modified. Stateless and thread-safe.
 */
public final class KeyFile {
  /** PBKDF2 iterations of a new passphrase-protected key file (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_ITERATIONS = PassphraseSeal.DEFAULT_ITERATIONS;
  /** The fewest PBKDF2 iterations a key file may use; files with fewer are refused. */
  public static final int MIN_ITERATIONS = PassphraseSeal.MIN_ITERATIONS;
  static final String FORMAT = "ailock-keyfile-v1";
  static final String PLAIN = "none";
  private static final int SECRET_LENGTH = Ed25519.SEED_LENGTH + X25519.KEY_LENGTH;

  private KeyFile() {}

  /**
   * Writes {@code keys} to a new owner-only key file, under {@code passphrase} if one is given (with
   * {@link #DEFAULT_ITERATIONS}).
   *
   * @param passphrase null or empty for a file protected by its permissions only; not retained
   * @throws java.nio.file.FileAlreadyExistsException if {@code path} exists: a key file is never replaced
   */
  public static void create(Path path, AilockKeys keys, char @Nullable [] passphrase) throws IOException {
    create(path, keys, passphrase, DEFAULT_ITERATIONS);
  }

  /**
   * As {@link #create(Path, AilockKeys, char[])} with a chosen PBKDF2 iteration count.
   *
   * @throws IllegalArgumentException if {@code iterations} is below {@link #MIN_ITERATIONS} or above 10,000,000
   */
  public static void create(Path path, AilockKeys keys, char @Nullable [] passphrase, int iterations)
      throws IOException {
    write(path, keys, passphrase, iterations, false);
  }

  /**
   * Replaces the key file at {@code path} with {@code keys} in one atomic step (a key rotation's last step), under
   * {@code passphrase} if one is given.
   */
  public static void replace(Path path, AilockKeys keys, char @Nullable [] passphrase) throws IOException {
    write(path, keys, passphrase, DEFAULT_ITERATIONS, true);
  }

  private static void write(Path path, AilockKeys keys, char @Nullable [] passphrase, int iterations, boolean replace)
      throws IOException {
    var b64 = Base64.getUrlEncoder().withoutPadding();
    ObjectNode file = WireJson.mapper().createObjectNode();
    file.put("format", FORMAT);
    file.put("key_id", keys.keyId());
    file.put("ed25519_public_key", b64.encodeToString(keys.signing().publicKey()));
    file.put("x25519_public_key", b64.encodeToString(keys.encryption().publicKey()));
    if (!keys.retiredEncryption().isEmpty()) {
      ArrayNode retired = file.putArray("retired_keys");
      keys.retiredEncryption().forEach((keyId, pair) -> retired.addObject().put("key_id", keyId)
          .put("x25519_public_key", b64.encodeToString(pair.publicKey())));
    }
    byte[] secrets = secretsOf(keys);
    try {
      if (passphrase == null || passphrase.length == 0) {
        file.put("protection", PLAIN);
        file.put("secret_keys", b64.encodeToString(secrets));
      } else {
        PassphraseSeal.seal(file, secrets, passphrase, iterations);
      }
      PrivateFiles.write(path, WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(file), replace);
    } finally {
      Arrays.fill(secrets, (byte) 0);
    }
  }

  /**
   * @return true if the key file at {@code path} needs a passphrase
   * @throws IOException if it cannot be read, is not a key file, or is not owner-only
   */
  public static boolean isProtected(Path path) throws IOException {
    return !PLAIN.equals(read(path).path("protection").asString(""));
  }

  /**
   * Loads the keys in an owner-only key file.
   *
   * @param passphrase the passphrase for a protected file; ignored for an unprotected one; not retained
   * @throws InsecurePermissionsException if the group or others have any permission on the file
   * @throws IOException if the file cannot be read or is not a key file of this format
   * @throws InvalidKeyException if the passphrase is missing or wrong, or the file was modified
   * @throws GeneralSecurityException if the platform lacks PBKDF2 or AES-GCM
   */
  public static AilockKeys load(Path path, char @Nullable [] passphrase) throws IOException, GeneralSecurityException {
    JsonNode file = read(path);
    String protection = text(file, "protection");
    byte[] secrets;
    if (PLAIN.equals(protection)) {
      secrets = Base64.getUrlDecoder().decode(text(file, "secret_keys"));
    } else if (PassphraseSeal.NAME.equals(protection)) {
      if (passphrase == null || passphrase.length == 0) {
        throw new InvalidKeyException("the key file " + path + " is protected by a passphrase");
      }
      secrets = PassphraseSeal.open((ObjectNode) file, passphrase);
    } else {
      throw new IOException(path + ": unknown key protection '" + protection + "'");
    }
    try {
      return keysOf(file, secrets);
    } finally {
      Arrays.fill(secrets, (byte) 0);
    }
  }

  private static JsonNode read(Path path) throws IOException {
    byte[] bytes = PrivateFiles.read(path);
    try {
      JsonNode file = WireJson.mapper().readTree(bytes);
      if (!FORMAT.equals(file.path("format").asString(""))) {
        throw new IOException(path + " is not an Ailock key file (" + FORMAT + ")");
      }
      return file;
    } catch (JacksonException e) {
      throw new IOException(path + " is not an Ailock key file: unreadable JSON", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The secret keys in order: the Ed25519 seed, the X25519 private key, then each retired X25519 private key. */
  private static byte[] secretsOf(AilockKeys keys) {
    byte[] secrets = new byte[SECRET_LENGTH + X25519.KEY_LENGTH * keys.retiredEncryption().size()];
    int offset = put(secrets, 0, keys.signing().seed());
    offset = put(secrets, offset, keys.encryption().privateKey());
    for (X25519KeyPair retired : keys.retiredEncryption().values()) {
      offset = put(secrets, offset, retired.privateKey());
    }
    return secrets;
  }

  private static int put(byte[] secrets, int offset, byte[] secret) {
    System.arraycopy(secret, 0, secrets, offset, secret.length);
    Arrays.fill(secret, (byte) 0);
    return offset + secret.length;
  }

  private static AilockKeys keysOf(JsonNode file, byte[] secrets) throws InvalidKeyException {
    JsonNode retiredKeys = file.path("retired_keys");
    int retiredCount = retiredKeys.isArray() ? retiredKeys.size() : 0;
    if (secrets.length != SECRET_LENGTH + X25519.KEY_LENGTH * retiredCount) {
      throw new InvalidKeyException("the key file's secret keys have the wrong length");
    }
    byte[] seed = Arrays.copyOfRange(secrets, 0, Ed25519.SEED_LENGTH);
    byte[] x25519 = Arrays.copyOfRange(secrets, Ed25519.SEED_LENGTH, SECRET_LENGTH);
    try {
      Ed25519KeyPair signing = Ed25519.keyPairFromSeed(seed);
      X25519KeyPair encryption = X25519.keyPairFromPrivateKey(x25519);
      var b64 = Base64.getUrlEncoder().withoutPadding();
      boolean consistent = b64.encodeToString(signing.publicKey()).equals(file.path("ed25519_public_key").asString(""))
          && b64.encodeToString(encryption.publicKey()).equals(file.path("x25519_public_key").asString(""))
          && KeyIds.of(signing.publicKey()).equals(file.path("key_id").asString(""));
      Map<String, X25519KeyPair> retired = new LinkedHashMap<>();
      for (int i = 0; i < retiredCount; i++) {
        int from = SECRET_LENGTH + i * X25519.KEY_LENGTH;
        byte[] secret = Arrays.copyOfRange(secrets, from, from + X25519.KEY_LENGTH);
        X25519KeyPair pair = X25519.keyPairFromPrivateKey(secret);
        Arrays.fill(secret, (byte) 0);
        JsonNode entry = retiredKeys.get(i);
        consistent &= b64.encodeToString(pair.publicKey()).equals(entry.path("x25519_public_key").asString(""))
            && retired.put(entry.path("key_id").asString(""), pair) == null;
      }
      if (!consistent) {
        throw new InvalidKeyException("the key file's secret keys do not match its public keys");
      }
      return new AilockKeys(signing, encryption, retired);
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(x25519, (byte) 0);
    }
  }

  static String text(JsonNode file, String member) throws IOException {
    JsonNode value = file.get(member);
    if (value == null || !value.isString()) {
      throw new IOException("key file member '" + member + "' is missing");
    }
    return value.asString();
  }
}
