package ai.ailock.distribution.client.keystore;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The input keys of the products an Ailock uploaded, one owner-only file per product version
 * ({@code <productId>.v<version>.json}). Each key is kept as a key envelope sealed to the owner's own X25519 key,
 * so the files are worth nothing without the identity key file. The owner needs these keys to read its products
 * back and to seal envelopes for its buyers. Thread-safe (one file per write, written atomically).
 */
public final class ProductKeyring {
  static final String FORMAT = "ailock-product-key-v1";
  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final Path directory;
  private final AilockKeys owner;

  /** @param directory where the key files live; created (owner-only) on first store */
  public ProductKeyring(Path directory, AilockKeys owner) {
    this.directory = directory;
    this.owner = owner;
  }

  /**
   * Stores the input key of a product version, replacing an earlier one for the same version.
   *
   * @throws IOException if the key file cannot be written
   */
  public void store(String productId, int version, byte[] inputKey) throws IOException {
    byte[] envelope;
    try {
      envelope = KeyEnvelopes.seal(inputKey, owner.encryption().publicKey());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the owner's own X25519 key is refused", e);
    }
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("product_id", productId);
    json.put("version", version);
    json.put("owner_key_id", owner.keyId());
    json.put("key_envelope", Base64.getUrlEncoder().withoutPadding().encodeToString(envelope));
    PrivateFiles.write(file(productId, version), WireJson.mapper().writeValueAsBytes(json), true);
  }

  /**
   * @return the input key of a product version, or empty if this keyring has none
   * @throws InsecurePermissionsException if the key file is not owner-only
   * @throws GeneralSecurityException if the key file is not for this product version or its envelope does not
   *     open with the owner's key (the current one, or the retired one it was sealed to)
   */
  public Optional<byte[]> inputKey(String productId, int version) throws IOException, GeneralSecurityException {
    Path file = file(productId, version);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = WireJson.mapper().readTree(PrivateFiles.read(file));
    } catch (JacksonException e) {
      throw new IOException(file + " is not a product key file", e);
    }
    if (!FORMAT.equals(json.path("format").asString("")) || !productId.equals(json.path("product_id").asString(""))
        || json.path("version").asInt(-1) != version) {
      throw new InvalidKeyException(file + " does not hold the key of product " + productId + " v" + version);
    }
    byte[] envelope = Base64.getUrlDecoder().decode(json.path("key_envelope").asString(""));
    return Optional.of(KeyEnvelopes.open(envelope, owner.encryptionFor(json.path("owner_key_id").asString(""))));
  }

  /**
   * @return the input key of the newest version of {@code productId} this keyring holds; the caller clears it
   * @throws InvalidKeyException if the keyring holds no key for the product
   */
  public byte[] latestInputKey(String productId) throws IOException, GeneralSecurityException {
    int version = 0;
    while (contains(productId, version + 1)) {
      version++;
    }
    if (version == 0) {
      throw new InvalidKeyException("no key for product " + productId + " in this Ailock's keyring");
    }
    int latest = version;
    return inputKey(productId, latest).orElseThrow(() -> new InvalidKeyException(
        "no key for product " + productId + " v" + latest + " in this Ailock's keyring"));
  }

  /** @return true if the keyring holds a key for this product version */
  public boolean contains(String productId, int version) {
    return Files.exists(file(productId, version));
  }

  private Path file(String productId, int version) {
    if (!PRODUCT_ID.matcher(productId).matches() || version < 1) {
      throw new IllegalArgumentException("not a product id and version: " + productId + " v" + version);
    }
    return directory.resolve(productId + ".v" + version + ".json");
  }
}
