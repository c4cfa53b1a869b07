package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.keystore.PrivateFiles;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link UploadState}s as owner-only JSON files ({@code 0600}, written atomically; format
 * {@code ailock-upload-state-v1}, see docs/sdk.md). Loading refuses a file its group or others may access.
 * Stateless and thread-safe.
 */
public final class UploadStateFile {
  static final String FORMAT = "ailock-upload-state-v1";

  private UploadStateFile() {}

  /**
   * Writes a new state file.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code path} exists (another upload's state)
   */
  public static void create(Path path, UploadState state) throws IOException {
    var b64 = Base64.getUrlEncoder().withoutPadding();
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("file", state.file().toString());
    json.put("plaintext_length", state.plaintextLength());
    json.put("plaintext_sha256", state.plaintextSha256());
    json.put("product_id", state.productId());
    json.put("version", state.version());
    json.put("upload_id", state.uploadId());
    json.put("ciphertext_length", state.ciphertextLength());
    json.put("chunk_size", state.chunkSize());
    json.put("salt", b64.encodeToString(state.salt()));
    json.put("key_envelope", b64.encodeToString(state.keyEnvelope()));
    json.put("owner_key_id", state.ownerKeyId());
    json.put("encrypted_metadata", state.encryptedMetadata());
    json.put("manifest_created_at", state.manifestCreatedAt().toString());
    if (state.transferId() != null) {
      json.put("transfer_id", state.transferId());
    }
    PrivateFiles.write(path, WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json), false);
  }

  /**
   * @throws ai.ailock.distribution.client.keystore.InsecurePermissionsException if the file is not owner-only
   * @throws IOException if it cannot be read or is not an upload state file
   */
  public static UploadState read(Path path) throws IOException {
    try {
      JsonNode json = WireJson.mapper().readTree(PrivateFiles.read(path));
      if (!FORMAT.equals(json.path("format").asString(""))) {
        throw new IOException(path + " is not an upload state file (" + FORMAT + ")");
      }
      var b64 = Base64.getUrlDecoder();
      return new UploadState(Path.of(text(json, "file")), json.path("plaintext_length").asLong(),
          text(json, "plaintext_sha256"), text(json, "product_id"), json.path("version").asInt(),
          text(json, "upload_id"), json.path("ciphertext_length").asLong(), json.path("chunk_size").asInt(),
          b64.decode(text(json, "salt")), b64.decode(text(json, "key_envelope")), text(json, "owner_key_id"),
          text(json, "encrypted_metadata"), Instant.parse(text(json, "manifest_created_at")),
          json.hasNonNull("transfer_id") ? json.get("transfer_id").asString() : null);
    } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new IOException(path + " is not a readable upload state file", e);
    }
  }

  /** Removes a state file once its upload completed. */
  public static void delete(Path path) throws IOException {
    PrivateFiles.delete(path);
  }

  private static String text(JsonNode json, String member) throws IOException {
    JsonNode value = json.get(member);
    if (value == null || !value.isString() || value.asString().isEmpty()) {
      throw new IOException("upload state member '" + member + "' is missing");
    }
    return value.asString();
  }
}
