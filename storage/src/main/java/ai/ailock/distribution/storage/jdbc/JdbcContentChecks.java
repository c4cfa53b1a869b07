package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.content.ContentReport;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@link ContentChecks} on {@code dist_content_checks} (plan §4): an open malware report is a row with {@code
 * malware_scan = 'infected'}, an open abuse report one with {@code moderation = 'rejected'}; who reported what, on
 * which transfer, is in {@code reports}. A product with such a row is quarantined. Clearing a report after review
 * turns its verdict to {@code clean} or {@code approved} and adds the clearance to {@code reports}.
 */
public final class JdbcContentChecks implements ContentChecks {
  private final JdbcClient jdbc;

  public JdbcContentChecks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(ContentReport r) {
    boolean malware = r.kind() == ContentReport.Kind.MALWARE;
    String reports = WireJson.mapper().writeValueAsString(Map.of("transfer_id", r.transfer().toString(),
        "reporter", r.reporter().value(), "kind", r.kind().wire(), "detail", r.detail()));
    return jdbc.sql("""
            INSERT INTO dist_content_checks (id, product_id, malware_scan, moderation, reports, checked_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT DO NOTHING""")
        .params(r.id(), r.product().value(), malware ? "infected" : "skipped", malware ? "skipped" : "rejected",
            reports, Timestamps.of(r.at()))
        .update() == 1;
  }

  @Override
  public Optional<ContentReport> find(UUID transfer, ContentReport.Kind kind) {
    return jdbc.sql("SELECT * FROM dist_content_checks WHERE reports ->> 'transfer_id' = ? AND reports ->> 'kind' = ?")
        .params(transfer.toString(), kind.wire())
        .query(JdbcContentChecks::map).optional();
  }

  @Override
  public Optional<ContentReport> byId(UUID report) {
    return jdbc.sql("SELECT * FROM dist_content_checks WHERE id = ? AND (reports ->> 'transfer_id') IS NOT NULL")
        .param(report).query(JdbcContentChecks::map).optional();
  }

  @Override
  public List<ContentReport> open(int limit) {
    return jdbc.sql("SELECT * FROM dist_content_checks WHERE (malware_scan = 'infected' OR moderation = 'rejected') "
            + "AND (reports ->> 'transfer_id') IS NOT NULL ORDER BY checked_at, id LIMIT ?")
        .param(limit).query(JdbcContentChecks::map).list();
  }

  @Override
  public boolean clear(UUID report, ContentReport.Clearance c) {
    String clearance = WireJson.mapper().writeValueAsString(Map.of("reviewer", c.reviewer().value(),
        "reason", c.reason(), "at", c.at().toString()));
    return jdbc.sql("""
            UPDATE dist_content_checks
               SET malware_scan = CASE malware_scan WHEN 'infected' THEN 'clean' ELSE malware_scan END,
                   moderation = CASE moderation WHEN 'rejected' THEN 'approved' ELSE moderation END,
                   reports = jsonb_set(reports, '{clearance}', ?::jsonb)
             WHERE id = ? AND (reports ->> 'transfer_id') IS NOT NULL
               AND (malware_scan = 'infected' OR moderation = 'rejected')""")
        .params(clearance, report).update() == 1;
  }

  @Override
  public List<ContentReport> ofProduct(ProductId product) {
    return jdbc.sql("SELECT * FROM dist_content_checks WHERE product_id = ? "
            + "AND (reports ->> 'transfer_id') IS NOT NULL ORDER BY checked_at, id")
        .param(product.value())
        .query(JdbcContentChecks::map).list();
  }

  @Override
  public boolean quarantined(ProductId product) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dist_content_checks WHERE product_id = ? "
            + "AND (malware_scan = 'infected' OR moderation = 'rejected'))")
        .param(product.value()).query(Boolean.class).single();
  }

  private static ContentReport map(ResultSet rs, int row) throws SQLException {
    JsonNode reports = WireJson.mapper().readTree(rs.getString("reports"));
    JsonNode cleared = reports.path("clearance");
    return new ContentReport(rs.getObject("id", UUID.class), new ProductId(rs.getObject("product_id", UUID.class)),
        UUID.fromString(reports.path("transfer_id").asString()), new AilockId(reports.path("reporter").asString()),
        ContentReport.Kind.fromWire(reports.path("kind").asString()), reports.path("detail").asString(),
        Timestamps.readRequired(rs, "checked_at"), cleared.isObject()
            ? new ContentReport.Clearance(new AilockId(cleared.path("reviewer").asString()),
                cleared.path("reason").asString(), Instant.parse(cleared.path("at").asString()))
            : null);
  }
}
