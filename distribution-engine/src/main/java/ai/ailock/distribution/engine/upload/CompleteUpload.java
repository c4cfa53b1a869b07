package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.product.Products;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finishes an upload: every chunk is present, the sizes add up, the whole ciphertext hashes to the declared
 * SHA-256, and the seller's signed manifest describes exactly those chunks. Then, atomically, the session is
 * completed and the product's content published with its retention clock started. Idempotent: completing
 * again with the same manifest returns the published product. The whole-ciphertext hash comes from the
 * {@link TrailingDigests}, which reads from the store only what it has not folded in while the chunks arrived.
 */
public final class CompleteUpload {
  private final UploadSessions sessions;
  private final Products products;
  private final ProductCopies copies;
  private final Identities identities;
  private final SignatureVerifier signatures;
  private final TrailingDigests digests;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public CompleteUpload(UploadSessions sessions, Products products, ProductCopies copies, Identities identities,
      SignatureVerifier signatures, TrailingDigests digests, AuditLog audit, Transactions transactions, Clock clock) {
    this.sessions = sessions;
    this.products = products;
    this.copies = copies;
    this.identities = identities;
    this.signatures = signatures;
    this.digests = digests;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @throws DistributionException {@code upload_not_found}, {@code upload_expired}, {@code upload_incomplete},
   *     {@code manifest_mismatch} (also: a copy's manifest not naming its transfer, or another product's naming one),
   *     {@code signature_invalid}, {@code ciphertext_hash_mismatch},
   *     {@code upload_already_completed} (with another manifest)
   */
  public Product complete(Caller caller, UploadId uploadId, String ciphertextSha256, SignedManifest manifest) {
    UploadSession session = sessions.findOwned(uploadId, caller.ailock())
        .orElseThrow(() -> new DistributionException(ErrorCode.UPLOAD_NOT_FOUND, "no such upload"));
    if (session.state() == UploadState.COMPLETED) {
      return alreadyPublished(session, manifest);
    }
    Instant now = clock.instant();
    if (!session.acceptsChunks(now)) {
      throw new DistributionException(ErrorCode.UPLOAD_EXPIRED, "the upload session has expired; start a new one");
    }
    List<StoredChunk> held = sessions.chunks(uploadId);
    if (held.size() < session.chunkCount()) {
      throw new DistributionException(ErrorCode.UPLOAD_INCOMPLETE,
          (session.chunkCount() - held.size()) + " of " + session.chunkCount() + " chunks are missing");
    }
    UUID copyFor = copies.byProduct(session.product()).map(ProductCopy::transfer).orElse(null);
    List<String> disagreements = ManifestRules.disagreements(manifest, session, held, ciphertextSha256, copyFor);
    if (!disagreements.isEmpty()) {
      throw new DistributionException(ErrorCode.MANIFEST_MISMATCH, String.join("; ", disagreements));
    }
    verifySellerSignature(caller, manifest);
    String computed = digests.sha256(uploadId, held);
    if (!computed.equals(ciphertextSha256)) {
      throw new DistributionException(ErrorCode.CIPHERTEXT_HASH_MISMATCH,
          "the held chunks hash to a different ciphertext SHA-256");
    }
    Product published = publish(caller, session, manifest, now);
    digests.forget(uploadId);
    return published;
  }

  private void verifySellerSignature(Caller caller, SignedManifest manifest) {
    IdentityKey key = identities.key(manifest.sellerKeyId())
        .filter(k -> k.ailock().equals(caller.ailock()) && k.active())
        .orElseThrow(() -> new DistributionException(ErrorCode.SIGNATURE_INVALID,
            "seller_key_id is not an active key of the uploading Ailock"));
    if (!signatures.verify(key.ed25519Public(), manifest.signedBytes(), manifest.signature())) {
      throw new DistributionException(ErrorCode.SIGNATURE_INVALID, "the manifest signature does not verify");
    }
  }

  private Product publish(Caller caller, UploadSession session, SignedManifest manifest, Instant now) {
    return transactions.inTransaction(() -> {
      if (!sessions.complete(session.id(), manifest.ciphertextSha256(), now)) {
        UploadSession current = sessions.find(session.id()).orElseThrow();
        if (current.state() == UploadState.COMPLETED) {
          return alreadyPublished(current, manifest);
        }
        throw new DistributionException(ErrorCode.UPLOAD_EXPIRED, "the upload session has expired; start a new one");
      }
      Product product = products.find(session.product()).orElseThrow();
      var content = new ProductContent(session.contentVersion(), session.totalSize(),
          manifest.ciphertextSha256(), session.storageType(), session.storagePrefix(), manifest.canonicalJson(),
          Sha256Hex.of(manifest.canonicalJson()), now);
      Instant expiresAt = now.plus(product.policy().retention());
      if (!products.publish(product.id(), content, expiresAt)) {
        throw new DistributionException(ErrorCode.PRODUCT_ALREADY_UPLOADED, "the product's content is already published");
      }
      audit.record(AuditEntry.of(now, caller.ailock().value(), "upload.completed", caller.meta())
          .product(product.id().value())
          .with(Map.of("upload_id", session.id().toString(), "ciphertext_sha256", content.ciphertextSha256(),
              "manifest_sha256", content.manifestSha256(), "expires_at", expiresAt.toString())));
      return products.find(product.id()).orElseThrow();
    });
  }

  private Product alreadyPublished(UploadSession session, SignedManifest manifest) {
    Product product = products.find(session.product()).orElseThrow();
    ProductContent content = product.content();
    if (content != null && content.version() == session.contentVersion()
        && content.manifestSha256().equals(Sha256Hex.of(manifest.canonicalJson()))) {
      return product;
    }
    throw new DistributionException(ErrorCode.UPLOAD_ALREADY_COMPLETED,
        "the upload was completed with a different manifest");
  }
}
