package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.schemas.WireJson;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AuditLog} appending to {@code dist_audit_log}. */
public final class JdbcAuditLog implements AuditLog {
  private final JdbcClient jdbc;

  public JdbcAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(AuditEntry entry) {
    jdbc.sql("""
            INSERT INTO dist_audit_log (at, actor, action, product_id, transfer_id, request_id, ip, user_agent, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
        .params(Timestamps.of(entry.at()), entry.actor(), entry.action(), entry.productId(), entry.transferId(),
            entry.meta().requestId(), entry.meta().ip(), entry.meta().userAgent(),
            WireJson.mapper().writeValueAsString(entry.detail()))
        .update();
  }
}
