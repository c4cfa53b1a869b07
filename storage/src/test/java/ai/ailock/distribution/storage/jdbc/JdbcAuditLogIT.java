package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;

class JdbcAuditLogIT {
  private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.fresh());
  private final JdbcAuditLog audit = new JdbcAuditLog(jdbc);

  @Test
  void appendsAnEntryWithEveryField() {
    UUID product = UUID.randomUUID();
    UUID transfer = UUID.randomUUID();
    Instant at = Instant.parse("2026-03-01T09:00:00.123456Z");
    var entry = AuditEntry.of(at, "0123456789abcdef0123456789abcdef", "upload.completed",
            new RequestMeta("req-1", "192.0.2.10", "ailock-cli/1.0"))
        .product(product).transfer(transfer)
        .with(Map.of("upload_id", "u-1", "note", "caf\u00e9 \"quoted\""));

    audit.record(entry);

    assertThat(readAll()).containsExactly(entry);
  }

  @Test
  void appendsAnEntryWithoutOptionalFields() {
    var entry = AuditEntry.of(Instant.parse("2026-03-01T10:00:00Z"), "system", "upload.expired",
        RequestMeta.internal("sweeper"));

    audit.record(entry);
    audit.record(entry);

    assertThat(readAll()).containsExactly(entry, entry);
    assertThat(jdbc.sql("SELECT detail::text FROM dist_audit_log").query(String.class).list())
        .containsOnly("{}");
  }

  private java.util.List<AuditEntry> readAll() {
    return jdbc.sql("""
            SELECT at, actor, action, product_id, transfer_id, request_id, ip, user_agent, detail::text AS detail
            FROM dist_audit_log ORDER BY id""")
        .query((rs, row) -> new AuditEntry(Timestamps.readRequired(rs, "at"), rs.getString("actor"),
            rs.getString("action"), rs.getObject("product_id", UUID.class), rs.getObject("transfer_id", UUID.class),
            new RequestMeta(rs.getString("request_id"), rs.getString("ip"), rs.getString("user_agent")),
            WireJson.mapper().readValue(rs.getString("detail"), new TypeReference<Map<String, String>>() {})))
        .list();
  }
}
