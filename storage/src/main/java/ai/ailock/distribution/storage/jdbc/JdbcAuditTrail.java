package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditTrail;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

/** {@link AuditTrail} reading {@code dist_audit_log} back (what {@link JdbcAuditLog} wrote). */
public final class JdbcAuditTrail implements AuditTrail {
  private static final TypeReference<Map<String, String>> DETAIL = new TypeReference<>() {};

  private final JdbcClient jdbc;

  public JdbcAuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<AuditEntry> ofTransfer(UUID transferId) {
    return jdbc.sql("SELECT * FROM dist_audit_log WHERE transfer_id = ? ORDER BY at, id").param(transferId)
        .query(JdbcAuditTrail::map).list();
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    Map<String, String> detail = WireJson.mapper().readValue(rs.getString("detail"), DETAIL);
    String requestId = rs.getString("request_id");
    return new AuditEntry(Timestamps.readRequired(rs, "at"), rs.getString("actor"), rs.getString("action"),
        rs.getObject("product_id", UUID.class), rs.getObject("transfer_id", UUID.class),
        new RequestMeta(requestId == null ? "unknown" : requestId, rs.getString("ip"), rs.getString("user_agent")),
        detail);
  }
}
