package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Expires unfinished upload sessions past their deadline and deletes their chunks. Safe to run on several
 * instances at once: each session is claimed by one sweeper ({@code FOR UPDATE SKIP LOCKED} in the adapter).
 * Blobs are deleted while the claim's transaction is open, so a crash leaves the session open and the next
 * sweep finishes the job.
 */
public final class ExpireUploads {
  private final UploadSessions sessions;
  private final BlobStore blobs;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public ExpireUploads(UploadSessions sessions, BlobStore blobs, AuditLog audit, Transactions transactions,
      Clock clock) {
    this.sessions = sessions;
    this.blobs = blobs;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** @return how many sessions this call expired (at most {@code batch}) */
  public int sweep(int batch) {
    Instant now = clock.instant();
    return transactions.inTransaction(() -> {
      List<UploadSession> due = sessions.expireDue(now, batch);
      for (UploadSession session : due) {
        blobs.deleteAll(session.storagePrefix());
        sessions.dropChunks(session.id());
        audit.record(AuditEntry.of(now, "system", "upload.expired", RequestMeta.internal("sweeper"))
            .product(session.product().value())
            .with(Map.of("upload_id", session.id().toString())));
      }
      return due.size();
    });
  }
}
