package ai.ailock.distribution.client.transfer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@code products-create} needs besides the size, which the uploader measures.
 *
 * @param title shown to buyers, 1-200 characters
 * @param contentType the file's media type, e.g. {@code application/zip}
 * @param policy a {@code policy.schema.json} object (retention, download limit, price, required inputs), or null
 *     for the service's defaults
 * @param copyFor set when the upload is a buyer's personalized copy (docs/personalization.md): the product is then
 *     registered with {@code transfers-copy-create} and its manifest names the transfer
 */
public record ProductDraft(String title, String contentType, @Nullable JsonNode policy, @Nullable CopyFor copyFor) {

  /** A product of its own, offered to any number of buyers. */
  public ProductDraft(String title, String contentType, @Nullable JsonNode policy) {
    this(title, contentType, policy, null);
  }

  /**
   * @param transferId the transfer the copy is made for
   * @param licenseFingerprint the fingerprint of the signed license inside the copy, for tracing it later
   */
  public record CopyFor(String transferId, String licenseFingerprint) {}
}
