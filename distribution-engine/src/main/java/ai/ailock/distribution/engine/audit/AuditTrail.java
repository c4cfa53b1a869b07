package ai.ailock.distribution.engine.audit;

import java.util.List;
import java.util.UUID;

/** Reads the audit trail back, for dispute evidence. Thread-safe. */
public interface AuditTrail {

  /** @return every entry naming the transfer, oldest first */
  List<AuditEntry> ofTransfer(UUID transferId);
}
