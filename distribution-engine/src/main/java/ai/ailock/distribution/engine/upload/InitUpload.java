package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.product.Products;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Starts (or resumes) the chunked upload of a product's ciphertext. Idempotent: while a session for the
 * product's next version is open and not past its deadline, the same session is returned, so a client that lost
 * the answer resumes it. A session past its deadline that the sweeper has not reached yet is expired here, exactly
 * as the sweeper would (blobs, chunks, audit), and a fresh one is started.
 */
public final class InitUpload {
  private final Products products;
  private final UploadSessions sessions;
  private final BlobStore blobs;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Limits limits;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final SessionExpiry expiry;

  public InitUpload(Products products, UploadSessions sessions, BlobStore blobs, AuditLog audit,
      Transactions transactions, Limits limits, Clock clock, Supplier<UUID> ids) {
    this.products = products;
    this.sessions = sessions;
    this.blobs = blobs;
    this.audit = audit;
    this.transactions = transactions;
    this.limits = limits;
    this.clock = clock;
    this.ids = ids;
    this.expiry = new SessionExpiry(sessions, blobs, audit, transactions);
  }

  /**
   * @param requestedChunkSize the client's preferred chunk size, or null for the service's maximum
   * @throws DistributionException {@code product_not_found}, {@code product_already_uploaded},
   *     {@code ciphertext_length_mismatch}
   */
  public UploadSession init(Caller caller, ProductId productId, long ciphertextLength,
      @Nullable Integer requestedChunkSize) {
    Product product = products.findOwned(productId, caller.ailock())
        .orElseThrow(() -> new DistributionException(ErrorCode.PRODUCT_NOT_FOUND, "no such product"));
    if (product.status() != ProductStatus.DRAFT) {
      throw alreadyUploaded();
    }
    long expected = CiphertextLayout.ciphertextLength(product.size());
    if (ciphertextLength != expected) {
      throw new DistributionException(ErrorCode.CIPHERTEXT_LENGTH_MISMATCH,
          "a " + product.size() + "-byte product encrypts to " + expected + " bytes, not " + ciphertextLength);
    }
    Instant now = clock.instant();
    var current = sessions.current(productId, product.nextVersion());
    if (current.isPresent()) {
      UploadSession existing = current.get();
      if (existing.acceptsChunks(now)) {
        return existing; // the client resumes it
      }
      if (existing.state() == UploadState.COMPLETED) {
        throw alreadyUploaded(); // completed since the product was read
      }
      expiry.expire(existing, now); // open but past its deadline, not swept yet
    }
    int chunkSize = limits.chunkSize(requestedChunkSize);
    var id = new UploadId(ids.get());
    var session = new UploadSession(id, productId, product.nextVersion(), caller.ailock(), ciphertextLength,
        chunkSize, UploadSession.chunkCount(ciphertextLength, chunkSize), blobs.type(),
        new BlobKey("products/" + productId + "/v" + product.nextVersion() + "/" + id), UploadState.OPEN, null, now,
        now.plus(limits.uploadSessionTtl()));
    return transactions.inTransaction(() -> {
      if (!sessions.add(session)) {
        // A concurrent init won the race; hand out its session, unless the version was completed meanwhile.
        return sessions.current(productId, product.nextVersion())
            .filter(winner -> winner.state() == UploadState.OPEN)
            .orElseThrow(InitUpload::alreadyUploaded);
      }
      audit.record(AuditEntry.of(now, caller.ailock().value(), "upload.started", caller.meta())
          .product(productId.value())
          .with(Map.of("upload_id", id.toString(), "ciphertext_length", Long.toString(ciphertextLength),
              "chunk_count", Integer.toString(session.chunkCount()))));
      return session;
    });
  }

  private static DistributionException alreadyUploaded() {
    return new DistributionException(ErrorCode.PRODUCT_ALREADY_UPLOADED, "the product's content is already published");
  }
}
