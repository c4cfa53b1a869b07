package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.download.ByteRange;
import ai.ailock.distribution.engine.download.ChunkContent;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code products-download-manifest} and {@code products-download-chunk} for the buyer, through the download session
 * its claim opened. Every request presents the claim token and is signed by the key the token is bound to. The
 * token's own expiry does not matter here (it bounds redemption); the session's does. Inside a session, any chunk may
 * be fetched any number of times, whole or by range: the session completes, and counts as one download, when every
 * chunk has been served at least once (a chunk counts as served when the service starts sending any of its bytes).
 * Each request is audited with the caller's address and user agent, the evidence a dispute needs.
 */
public final class ReadDelivery {
  private final DeliveryPorts ports;

  public ReadDelivery(DeliveryPorts ports) {
    this.ports = ports;
  }

  private record Access(Transfer transfer, DownloadSession session, Product product, ProductContent content) {}

  /**
   * @return the signed manifest in RFC 8785 form
   * @throws DistributionException as {@link #chunk}, less the chunk refusals
   */
  public String manifest(Caller buyer, TransferId id, String token) {
    Access access = access(buyer, id, token);
    ports.audit().record(AuditEntry.of(ports.clock().instant(), buyer.ailock().value(), "delivery.manifest_served",
        buyer.meta()).transfer(id.value()).product(access.product().id().value())
        .with(Map.of("session", access.session().id().toString())));
    return access.content().manifestJson();
  }

  /**
   * @param range bytes wanted inside the chunk, or null for all of it
   * @throws DistributionException {@code claim_invalid}, {@code wrong_recipient}, {@code claim_not_redeemed},
   *     {@code access_revoked}, {@code session_expired}, {@code transfer_disputed}, {@code transfer_expired},
   *     {@code product_expired}, {@code chunk_index_out_of_range}, {@code range_not_satisfiable}
   */
  public ChunkContent chunk(Caller buyer, TransferId id, String token, int index, @Nullable ByteRange range) {
    Access access = access(buyer, id, token);
    StoredChunk chunk = ports.uploads().completedChunk(access.product().id(), access.content().version(), index)
        .orElseThrow(() -> new DistributionException(ErrorCode.CHUNK_INDEX_OUT_OF_RANGE, "no chunk " + index));
    if (range != null && range.first() >= chunk.size()) {
      throw new DistributionException(ErrorCode.RANGE_NOT_SATISFIABLE, "chunk " + index + " has " + chunk.size()
          + " bytes");
    }
    long offset = range == null ? 0 : range.first();
    long length = range == null ? chunk.size() : Math.min(range.last(), chunk.size() - 1L) - offset + 1;
    served(buyer, access, index, offset, length);
    InputStream bytes = ports.blobs().open(chunk.blobKey(), offset, length)
        .orElseThrow(() -> new BlobStoreException("chunk " + index + " of product " + access.product().id()
            + " is missing"));
    return new ChunkContent(index, chunk.size(), chunk.sha256(), chunk.blobKey(), offset, length, bytes);
  }

  private void served(Caller buyer, Access access, int index, long offset, long length) {
    ports.transactions().inTransaction(() -> {
      Instant now = ports.clock().instant();
      DownloadSession session = access.session();
      int distinct = ports.sessions().markServed(session.id(), index, length, now);
      ports.audit().record(AuditEntry.of(now, buyer.ailock().value(), "delivery.chunk_served", buyer.meta())
          .transfer(session.transfer().value()).product(access.product().id().value())
          .with(Map.of("session", session.id().toString(), "index", Integer.toString(index),
              "offset", Long.toString(offset), "length", Long.toString(length))));
      if (distinct >= session.chunkCount()
          && ports.sessions().complete(session.id(), now, DownloadSession.BY_CHUNKS)) {
        ports.audit().record(AuditEntry.of(now, buyer.ailock().value(), "delivery.download_completed", buyer.meta())
            .transfer(session.transfer().value()).product(access.product().id().value())
            .with(Map.of("session", session.id().toString(), "by", DownloadSession.BY_CHUNKS)));
      }
      return null;
    });
  }

  private Access access(Caller buyer, TransferId id, String token) {
    PresentedClaim presented = PresentedClaim.check(ports, buyer, id, token);
    Instant now = ports.clock().instant();
    if (presented.claim().revoked()) {
      throw new DistributionException(ErrorCode.ACCESS_REVOKED, "the claim was revoked");
    }
    DownloadSession session = ports.sessions().byClaim(presented.claim().jti())
        .orElseThrow(() -> new DistributionException(ErrorCode.CLAIM_NOT_REDEEMED,
            "redeem the claim with products-claim first"));
    if (session.revokedAt() != null) {
      throw new DistributionException(ErrorCode.ACCESS_REVOKED, "the download session was revoked");
    }
    if (!session.live(now)) {
      throw new DistributionException(ErrorCode.SESSION_EXPIRED, "the download session ended at "
          + session.expiresAt() + "; ask for a new ticket");
    }
    Transfer transfer = ports.transfers().find(id).orElseThrow(TransferChanges::notFound);
    DeliveryGate.requireDelivered(transfer, now);
    ports.requireNotQuarantined(transfer);
    Product product = ports.deliveredProduct(transfer);
    return new Access(transfer, session, product, DeliveryGate.content(product, now));
  }
}
