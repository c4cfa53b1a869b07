package ai.ailock.distribution.client.transfer;

import java.time.Instant;

/**
 * The service's answer to {@code products-upload-complete}: the product is {@code ready}.
 *
 * @param manifestSha256 SHA-256 of the stored manifest's RFC 8785 form (what receipts name)
 * @param expiresAt end of the retention period
 */
public record CompletedUpload(String productId, int version, String status, long ciphertextLength,
    String ciphertextSha256, String manifestSha256, Instant readyAt, Instant expiresAt) {}
