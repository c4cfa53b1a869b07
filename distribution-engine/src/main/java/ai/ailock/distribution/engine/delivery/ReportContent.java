package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.content.ContentChecks;
import ai.ailock.distribution.engine.content.ContentReport;
import ai.ailock.distribution.engine.content.ReportStatus;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.Map;

/**
 * {@code products-report}: a buyer that received the content reports what it found in it (docs/content.md). Under
 * end-to-end encryption only the Ailocks holding the key can scan or judge the plaintext, so a report from a buyer
 * who opened a download quarantines the product the transfer offered, at once and until a reviewer clears it: no new
 * offers, grants, tickets or download sessions of it or of its personalized copies (the safer reading: a report
 * takes the product down pending review). Idempotent per transfer and kind.
 */
public final class ReportContent {
  private final DeliveryPorts ports;
  private final ContentChecks checks;

  public ReportContent(DeliveryPorts ports) {
    this.ports = ports;
    this.checks = ports.checks();
  }

  /**
   * @return the report (the one made before, for a repeated report of the same kind, cleared or not) and whether the
   *     product is quarantined now
   * @throws DistributionException {@code transfer_not_found}, {@code not_recipient}, {@code not_downloaded} (no
   *     download was ever opened: nothing to report on)
   */
  public ReportStatus report(Caller buyer, TransferId id, ContentReport.Kind kind, String detail) {
    ContentReport report = record(buyer, id, kind, detail);
    return new ReportStatus(report, report.open() || checks.quarantined(report.product()));
  }

  private ContentReport record(Caller buyer, TransferId id, ContentReport.Kind kind, String detail) {
    Transfer transfer = ports.changes().ofBuyer(id, buyer.ailock());
    var earlier = checks.find(id.value(), kind);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (ports.sessions().ofTransfer(id).isEmpty()) {
      throw new DistributionException(ErrorCode.NOT_DOWNLOADED,
          "only content that was downloaded can be reported; no download of this transfer was opened");
    }
    Instant now = ports.clock().instant();
    var report = new ContentReport(ports.ids().get(), transfer.product(), id.value(), buyer.ailock(), kind, detail,
        now);
    return ports.transactions().inTransaction(() -> {
      if (!checks.add(report)) {
        return checks.find(id.value(), kind).orElseThrow();
      }
      ports.audit().record(AuditEntry.of(now, buyer.ailock().value(), "content.reported", buyer.meta())
          .transfer(id.value()).product(transfer.product().value())
          .with(Map.of("kind", kind.wire(), "report_id", report.id().toString(), "detail", detail)));
      return report;
    });
  }
}
