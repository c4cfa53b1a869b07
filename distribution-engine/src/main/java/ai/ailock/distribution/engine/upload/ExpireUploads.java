package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobStore;
import java.time.Clock;

/**
 * Expires unfinished upload sessions past their deadline and deletes their chunks. Safe to run on several
 * instances at once: each session is claimed by one sweeper ({@code FOR UPDATE SKIP LOCKED} in the adapter).
 * Blobs are deleted while the claim's transaction is open, so a crash leaves the session open and the next
 * sweep finishes the job.
 */
public final class ExpireUploads {
  private final SessionExpiry expiry;
  private final Clock clock;

  public ExpireUploads(UploadSessions sessions, BlobStore blobs, AuditLog audit, Transactions transactions,
      Clock clock) {
    this.expiry = new SessionExpiry(sessions, blobs, audit, transactions);
    this.clock = clock;
  }

  /** @return how many sessions this call expired (at most {@code batch}) */
  public int sweep(int batch) {
    return expiry.expireDue(clock.instant(), batch);
  }
}
