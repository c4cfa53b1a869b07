package ai.ailock.distribution.client.transfer;

/**
 * A completed upload.
 *
 * @param plaintextSha256 SHA-256 of the uploaded file
 * @param manifestSha256 SHA-256 of the signed manifest's RFC 8785 form
 * @param chunksSent chunks this run sent (a resumed upload skips those the service held)
 * @param chunksSkipped chunks the service already held
 */
public record UploadResult(String productId, int version, String uploadId, long plaintextLength,
    String plaintextSha256, long ciphertextLength, String ciphertextSha256, String manifestSha256, int chunksSent,
    int chunksSkipped, CompletedUpload completed) {}
