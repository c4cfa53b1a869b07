package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.blob.BlobKey;
import java.time.Instant;

/**
 * A published content version: where its ciphertext chunks live and the seller-signed manifest describing them.
 * The chunks themselves are those of the completed upload session of this product and {@code version}.
 *
 * @param ciphertextSha256 SHA-256 of the whole ciphertext (plan's {@code content_hash})
 * @param manifestJson the signed manifest in RFC 8785 form, exactly as served to downloaders
 * @param manifestSha256 SHA-256 of {@code manifestJson}; receipts name it
 */
public record ProductContent(
    int version,
    long ciphertextLength,
    String ciphertextSha256,
    String storageType,
    BlobKey storagePointer,
    String manifestJson,
    String manifestSha256,
    Instant readyAt) {}
