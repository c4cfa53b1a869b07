package ai.ailock.distribution.client.manifest;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a seller states about an uploaded ciphertext, before signing: every manifest member except
 * {@code seller_key_id} and {@code signature}, which {@link Manifest#sign} adds.
 *
 * @param productId the product's id (a UUID)
 * @param version the content version the upload session was opened for (from 1)
 * @param ciphertextLength bytes in the whole Cobblestone-256 ciphertext
 * @param ciphertextSha256 lowercase hex SHA-256 of the whole ciphertext
 * @param chunkSize the upload session's transport chunk size
 * @param chunks every chunk, in order
 * @param encryptedMetadata base64url (no padding) of the {@link ProductMetadata} ciphertext
 * @param createdAt when the manifest was made; stored as whole seconds
 * @param transferId the one transfer a personalized copy is made for; null for any other product
 */
public record ManifestDraft(String productId, int version, long ciphertextLength, String ciphertextSha256,
    int chunkSize, List<ManifestChunk> chunks, String encryptedMetadata, Instant createdAt,
    @Nullable String transferId) {

  public ManifestDraft {
    chunks = List.copyOf(chunks);
  }
}
