package ai.ailock.distribution.engine.audit;

/** Appends to the audit trail, inside the caller's transaction when there is one. Thread-safe. */
public interface AuditLog {
  void record(AuditEntry entry);
}
