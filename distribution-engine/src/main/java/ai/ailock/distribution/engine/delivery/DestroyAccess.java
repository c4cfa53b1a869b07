package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.transfer.Transfer;
import java.time.Instant;
import java.util.Map;

/**
 * Ends a transfer's access at once (revocation, full refund, retention): its key envelope is destroyed
 * (crypto-shredding: the bytes are gone, so nothing can release them again), its open claims and download sessions
 * are revoked. Idempotent. Call inside the transaction that changes the transfer's state.
 */
public final class DestroyAccess {
  private final ProductKeys keys;
  private final Claims claims;
  private final DownloadSessions sessions;
  private final AuditLog audit;

  public DestroyAccess(ProductKeys keys, Claims claims, DownloadSessions sessions, AuditLog audit) {
    this.keys = keys;
    this.claims = claims;
    this.sessions = sessions;
    this.audit = audit;
  }

  public static DestroyAccess of(DeliveryPorts ports) {
    return new DestroyAccess(ports.keys(), ports.claims(), ports.sessions(), ports.audit());
  }

  /** What one call destroyed. */
  public record Destroyed(boolean envelope, int claims, int sessions) {}

  public Destroyed destroy(Transfer transfer, Instant at, String actor, String reason, RequestMeta meta) {
    var destroyed = new Destroyed(keys.destroy(transfer.id(), at), claims.revokeAll(transfer.id(), at),
        sessions.revokeAll(transfer.id(), at));
    audit.record(AuditEntry.of(at, actor, "delivery.access_destroyed", meta)
        .transfer(transfer.id().value()).product(transfer.product().value())
        .with(Map.of("reason", reason, "envelope_destroyed", Boolean.toString(destroyed.envelope()),
            "claims_revoked", Integer.toString(destroyed.claims()),
            "sessions_revoked", Integer.toString(destroyed.sessions()))));
    return destroyed;
  }
}
