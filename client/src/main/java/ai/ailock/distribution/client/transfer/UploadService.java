package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.manifest.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * The service's upload functions, as the {@link Uploader} uses them (docs/api.md, "Products and upload").
 * Implementations are thread-safe: chunks are sent from several threads at once. Refusals are
 * {@link ai.ailock.distribution.client.http.DistributionApiException}s carrying the stable {@code code}; transport
 * failures are {@link java.io.UncheckedIOException}s.
 *
 * @see HttpUploadService
 */
public interface UploadService {

  /** {@code products-create}: @return the new draft product's id */
  String createProduct(ProductDraft draft, long size);

  /**
   * {@code products-upload-init}; idempotent while a session for the product is open.
   *
   * @param chunkSize the preferred chunk size, or null for the service's maximum
   */
  UploadSessionInfo initUpload(String productId, long ciphertextLength, @Nullable Integer chunkSize);

  /** {@code products-upload-status}: which chunks the service holds. */
  UploadSessionInfo uploadStatus(String uploadId);

  /**
   * {@code products-upload-chunk}: sends {@code bytes[0, length)} as chunk {@code index}. Idempotent for the same
   * bytes. The implementation must not keep {@code bytes} after returning.
   *
   * @param sha256 lowercase hex SHA-256 of the chunk
   */
  void putChunk(String uploadId, int index, byte[] bytes, int length, String sha256);

  /** {@code products-upload-complete}; idempotent with the same manifest. */
  CompletedUpload completeUpload(String uploadId, String ciphertextSha256, Manifest manifest);
}
