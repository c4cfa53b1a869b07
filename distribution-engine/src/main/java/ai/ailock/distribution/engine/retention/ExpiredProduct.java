package ai.ailock.distribution.engine.retention;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.product.ProductId;
import java.time.Instant;

/** A product whose retention ended, and the prefix its ciphertext chunks live under. */
public record ExpiredProduct(ProductId id, BlobKey storagePointer, Instant expiresAt) {}
