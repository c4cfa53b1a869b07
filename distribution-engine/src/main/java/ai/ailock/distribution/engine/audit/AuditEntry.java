package ai.ailock.distribution.engine.audit;

import ai.ailock.distribution.engine.RequestMeta;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail. {@code detail} holds non-secret facts only (ids, sizes, hashes, states).
 */
public record AuditEntry(
    Instant at,
    String actor,
    String action,
    @Nullable UUID productId,
    @Nullable UUID transferId,
    RequestMeta meta,
    Map<String, String> detail) {

  public AuditEntry {
    detail = Map.copyOf(detail);
  }

  public static AuditEntry of(Instant at, String actor, String action, RequestMeta meta) {
    return new AuditEntry(at, actor, action, null, null, meta, Map.of());
  }

  public AuditEntry product(UUID id) {
    return new AuditEntry(at, actor, action, id, transferId, meta, detail);
  }

  public AuditEntry transfer(UUID id) {
    return new AuditEntry(at, actor, action, productId, id, meta, detail);
  }

  public AuditEntry with(Map<String, String> more) {
    var merged = new java.util.HashMap<>(detail);
    merged.putAll(more);
    return new AuditEntry(at, actor, action, productId, transferId, meta, merged);
  }
}
