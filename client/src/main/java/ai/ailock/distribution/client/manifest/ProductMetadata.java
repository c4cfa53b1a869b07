package ai.ailock.distribution.client.manifest;

import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneDecryptor;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.crypto.CiphertextIOException;
import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the buyer learns about a product's file only after decrypting: its name, content type, and the SHA-256 and
 * length of its plaintext. The manifest carries it as {@code encrypted_metadata}: base64url (no padding) of one
 * Cobblestone-256 message under the product's input key and the context
 * {@code ailock-e2ee-v1:metadata:<productId>:<version>}, whose plaintext is the RFC 8785 form of
 * {@code {"content_type", "file_name", "plaintext_length", "plaintext_sha256"}}.
 *
 * @param fileName the file's name, without directories (at most 255 characters)
 * @param contentType a media type, e.g. {@code application/zip}
 * @param plaintextSha256 lowercase hex SHA-256 of the plaintext: the receipt's {@code client_hash}
 * @param plaintextLength bytes of plaintext
 */
public record ProductMetadata(String fileName, String contentType, String plaintextSha256, long plaintextLength) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> MEMBERS = Set.of("file_name", "content_type", "plaintext_sha256",
      "plaintext_length");
  /** Encrypted metadata may hold at most this much plaintext, so it fits the manifest's 65536 characters. */
  private static final int MAX_PLAINTEXT_BYTES = 32 * 1024;

  /** @throws IllegalArgumentException if a member is empty, too long or malformed */
  public ProductMetadata {
    if (fileName.isEmpty() || fileName.length() > 255) {
      throw new IllegalArgumentException("file_name must have 1 to 255 characters");
    }
    if (contentType.isEmpty() || contentType.length() > 255) {
      throw new IllegalArgumentException("content_type must have 1 to 255 characters");
    }
    if (!SHA256.matcher(plaintextSha256).matches()) {
      throw new IllegalArgumentException("plaintext_sha256 must be 64 lowercase hex digits");
    }
    if (plaintextLength < 0) {
      throw new IllegalArgumentException("plaintext_length must not be negative");
    }
  }

  /** @return base64url (no padding) of the metadata encrypted for this product version */
  public String encrypt(byte[] inputKey, String productId, int version) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("file_name", fileName);
    json.put("content_type", contentType);
    json.put("plaintext_sha256", plaintextSha256);
    json.put("plaintext_length", plaintextLength);
    byte[] plaintext = CanonicalJson.bytes(json);
    try (var encryptor = CobblestoneEncryptor.encrypting(inputKey, context(productId, version),
        new ByteArrayInputStream(plaintext))) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(encryptor.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("encrypting in memory cannot fail", e);
    }
  }

  /**
   * Decrypts a manifest's {@code encrypted_metadata}.
   *
   * @throws InvalidCiphertextException if it was not encrypted under this key for this product and version, or
   *     was modified
   * @throws InvalidManifestException if it decrypts to something that is not product metadata
   */
  public static ProductMetadata decrypt(byte[] inputKey, String productId, int version, String encryptedMetadata)
      throws InvalidCiphertextException, InvalidManifestException {
    byte[] ciphertext;
    try {
      ciphertext = Base64.getUrlDecoder().decode(encryptedMetadata);
    } catch (IllegalArgumentException e) {
      throw new InvalidManifestException("encrypted_metadata is not base64url");
    }
    byte[] plaintext;
    try (var decryptor = CobblestoneDecryptor.decrypting(inputKey, context(productId, version),
        new ByteArrayInputStream(ciphertext))) {
      plaintext = decryptor.readNBytes(MAX_PLAINTEXT_BYTES + 1);
      if (plaintext.length > MAX_PLAINTEXT_BYTES) {
        throw new InvalidManifestException("the product metadata is larger than " + MAX_PLAINTEXT_BYTES + " bytes");
      }
    } catch (CiphertextIOException e) {
      throw e.getCause();
    } catch (IOException e) {
      throw new UncheckedIOException("decrypting in memory cannot fail", e);
    }
    return parse(plaintext);
  }

  private static ProductMetadata parse(byte[] plaintext) throws InvalidManifestException {
    try {
      JsonNode json = WireJson.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .readTree(plaintext);
      if (!json.isObject() || !MEMBERS.equals(Set.copyOf(json.propertyNames()))) {
        throw new InvalidManifestException("the product metadata must have exactly the members " + MEMBERS);
      }
      JsonNode length = json.get("plaintext_length");
      if (!json.get("file_name").isString() || !json.get("content_type").isString()
          || !json.get("plaintext_sha256").isString() || !length.isIntegralNumber() || !length.canConvertToLong()) {
        throw new InvalidManifestException("the product metadata has members of the wrong type");
      }
      return new ProductMetadata(json.get("file_name").asString(), json.get("content_type").asString(),
          json.get("plaintext_sha256").asString(), length.asLong());
    } catch (JacksonException e) {
      throw new InvalidManifestException("the product metadata is not JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidManifestException("the product metadata is malformed: " + e.getMessage());
    }
  }

  private static CobblestoneContext context(String productId, int version) {
    return CobblestoneContext.metadata(productId, Integer.toString(version));
  }
}
