package ai.ailock.distribution.client.transfer;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an interrupted upload needs to resume and reproduce the same ciphertext, kept in an owner-only file
 * ({@link UploadStateFile}) from before the first chunk is read until the upload completes.
 *
 * @param file the plaintext file (absolute)
 * @param plaintextLength bytes of the file when the upload began
 * @param plaintextSha256 its SHA-256 then; a resumed upload refuses a file that hashes differently
 * @param salt the Cobblestone-256 salt of the content ciphertext (24 bytes, not secret)
 * @param keyEnvelope the input key sealed to the owner's own X25519 key (80 bytes)
 * @param ownerKeyId id of the owner's Ed25519 key, whose X25519 partner opens the envelope
 * @param encryptedMetadata the manifest's {@code encrypted_metadata}, fixed so a repeated completion is identical
 * @param manifestCreatedAt the manifest's {@code created_at}, fixed for the same reason
 */
public record UploadState(Path file, long plaintextLength, String plaintextSha256, String productId, int version,
    String uploadId, long ciphertextLength, int chunkSize, byte[] salt, byte[] keyEnvelope, String ownerKeyId,
    String encryptedMetadata, Instant manifestCreatedAt, @Nullable String transferId) {

  public UploadState {
    salt = salt.clone();
    keyEnvelope = keyEnvelope.clone();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] keyEnvelope() {
    return keyEnvelope.clone();
  }

  @Override
  public String toString() {
    return "UploadState[file=" + file + ", productId=" + productId + ", version=" + version + ", uploadId="
        + uploadId + "]";
  }
}
