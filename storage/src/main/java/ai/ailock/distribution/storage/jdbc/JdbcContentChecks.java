package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.content.ContentReport;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@link ContentChecks} on {@code dist_content_checks} (plan §4): a malware report is a row with {@code malware_scan =
 * 'infected'}, an abuse report one with {@code moderation = 'rejected'}; who reported what, on which transfer, is in
 * {@code reports}. A product with such a row is quarantined.
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
    return new ContentReport(rs.getObject("id", UUID.class), new ProductId(rs.getObject("product_id", UUID.class)),
        UUID.fromString(reports.path("transfer_id").asString()), new AilockId(reports.path("reporter").asString()),
        ContentReport.Kind.fromWire(reports.path("kind").asString()), reports.path("detail").asString(),
        Timestamps.readRequired(rs, "checked_at"));
  }
}
