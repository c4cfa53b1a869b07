package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Expires upload sessions past their deadline, the one way both the sweeper ({@link ExpireUploads}) and
 * {@link InitUpload} (which finds a stale session before the sweeper does) do it: in one transaction the session is
 * marked expired, its chunk blobs are deleted, its chunk rows dropped and {@code upload.expired} is audited. Blobs are
 * deleted while the transaction is open, so a crash leaves the session open and the next attempt finishes the job.
 */
final class SessionExpiry {
  private static final RequestMeta SYSTEM = RequestMeta.internal("sweeper");

  private final UploadSessions sessions;
  private final BlobStore blobs;
  private final AuditLog audit;
  private final Transactions transactions;

  SessionExpiry(UploadSessions sessions, BlobStore blobs, AuditLog audit, Transactions transactions) {
    this.sessions = sessions;
    this.blobs = blobs;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** @return how many open sessions past their deadline this call expired (at most {@code limit}) */
  int expireDue(Instant now, int limit) {
    return transactions.inTransaction(() -> {
      List<UploadSession> due = sessions.expireDue(now, limit);
      due.forEach(session -> cleanUp(session, now));
      return due.size();
    });
  }

  /** @return true if this call expired {@code session}; false if it was not open or not yet due */
  boolean expire(UploadSession session, Instant now) {
    return transactions.inTransaction(() -> {
      if (!sessions.expire(session.id(), now)) {
        return false;
      }
      cleanUp(session, now);
      return true;
    });
  }

  private void cleanUp(UploadSession expired, Instant now) {
    blobs.deleteAll(expired.storagePrefix());
    sessions.dropChunks(expired.id());
    audit.record(AuditEntry.of(now, "system", "upload.expired", SYSTEM)
        .product(expired.product().value())
        .with(Map.of("upload_id", expired.id().toString())));
  }
}
