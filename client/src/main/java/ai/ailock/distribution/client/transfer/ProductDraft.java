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
 */
public record ProductDraft(String title, String contentType, @Nullable JsonNode policy) {}
