package ai.ailock.distribution.engine.download;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadSessions;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Serves a published product's signed manifest and its ciphertext chunks, streamed from the blob store.
 * This is the owner's access path; recipients come through claims and download sessions. A chunk request reads
 * the product's owner and expiry with the chunk in one step, without the manifest.
 */
public final class ReadContent {
  private final Products products;
  private final UploadSessions sessions;
  private final BlobStore blobs;
  private final Clock clock;

  public ReadContent(Products products, UploadSessions sessions, BlobStore blobs, Clock clock) {
    this.products = products;
    this.sessions = sessions;
    this.blobs = blobs;
    this.clock = clock;
  }

  /** @return the signed manifest in RFC 8785 form */
  public String manifest(Caller caller, ProductId productId) {
    return publishedContent(caller, productId).manifestJson();
  }

  /**
   * @param range bytes wanted inside the chunk, or null for all of it
   * @throws DistributionException {@code product_not_found}, {@code product_not_ready}, {@code product_expired},
   *     {@code chunk_index_out_of_range}, {@code range_not_satisfiable}
   */
  public ChunkContent chunk(Caller caller, ProductId productId, int index, @Nullable ByteRange range) {
    UploadSessions.PublishedChunk published = sessions.publishedChunk(productId, index)
        .filter(found -> found.owner().equals(caller.ailock()))
        .orElseThrow(ReadContent::notFound);
    requireReadable(published.published(), published.expiresAt());
    StoredChunk chunk = published.chunk()
        .orElseThrow(() -> new DistributionException(ErrorCode.CHUNK_INDEX_OUT_OF_RANGE, "no chunk " + index));
    long offset = range == null ? 0 : range.first();
    long length = range == null ? chunk.size() : Math.min(range.last(), chunk.size() - 1L) - range.first() + 1;
    if (range != null && range.first() >= chunk.size()) {
      throw new DistributionException(ErrorCode.RANGE_NOT_SATISFIABLE, "chunk " + index + " has " + chunk.size() + " bytes");
    }
    var bytes = blobs.open(chunk.blobKey(), offset, length)
        .orElseThrow(() -> new BlobStoreException("chunk " + index + " of product " + productId + " is missing"));
    return new ChunkContent(index, chunk.size(), chunk.sha256(), chunk.blobKey(), offset, length, bytes);
  }

  private ProductContent publishedContent(Caller caller, ProductId productId) {
    Product product = products.findOwned(productId, caller.ailock()).orElseThrow(ReadContent::notFound);
    ProductContent content = product.content();
    requireReadable(content != null, product.expiresAt());
    return content;
  }

  private void requireReadable(boolean published, @Nullable Instant expiresAt) {
    if (!published) {
      throw new DistributionException(ErrorCode.PRODUCT_NOT_READY, "the product's content has not been uploaded");
    }
    if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
      throw new DistributionException(ErrorCode.PRODUCT_EXPIRED, "the product's retention period has ended");
    }
  }

  private static DistributionException notFound() {
    return new DistributionException(ErrorCode.PRODUCT_NOT_FOUND, "no such product");
  }
}
