package ai.ailock.distribution.engine.content;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code content-reports-list} and {@code content-reports-clear}: the reviewers the operator named (Ailocks, signing
 * like any other) see the open reports and clear those that do not hold (docs/content.md). A product stays quarantined
 * while any report of it is open. Clearing is idempotent: clearing a cleared report returns it with its first
 * clearance. Every clearance is audited ({@code content.cleared}) with the reviewer and the reason.
 */
public final class ReviewContent {
  private final ContentChecks checks;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final Set<AilockId> reviewers;

  public ReviewContent(ContentChecks checks, AuditLog audit, Transactions transactions, Clock clock,
      Set<AilockId> reviewers) {
    this.checks = checks;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.reviewers = Set.copyOf(reviewers);
  }

  /**
   * @return the open reports, oldest first, at most {@code limit}: a queue, so no cursor (a report leaves it when
   *     cleared)
   * @throws DistributionException {@code not_reviewer}, {@code malformed_request} (a limit outside 1-{@value
   *     PageRequest#MAX_LIMIT})
   */
  public List<ContentReport> open(Caller reviewer, int limit) {
    requireReviewer(reviewer);
    return checks.open(PageRequest.first(limit).limit());
  }

  /**
   * Clears the report: it no longer quarantines its product.
   *
   * @param reason why (at most 1000 characters), kept with the report and in the audit trail
   * @throws DistributionException {@code not_reviewer}, {@code report_not_found}
   */
  public ReportStatus clear(Caller reviewer, UUID reportId, String reason) {
    requireReviewer(reviewer);
    if (reason.isBlank() || reason.length() > 1000) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "a reason of 1 to 1000 characters is required");
    }
    var clearance = new ContentReport.Clearance(reviewer.ailock(), reason, clock.instant());
    ContentReport report = transactions.inTransaction(() -> {
      ContentReport found = checks.byId(reportId).orElseThrow(() -> new DistributionException(
          ErrorCode.REPORT_NOT_FOUND, "no content report " + reportId));
      if (!checks.clear(reportId, clearance)) {
        return checks.byId(reportId).orElseThrow(); // cleared before, or just now by another: that clearance stands
      }
      audit.record(AuditEntry.of(clearance.at(), reviewer.ailock().value(), "content.cleared", reviewer.meta())
          .transfer(found.transfer()).product(found.product().value())
          .with(Map.of("report_id", reportId.toString(), "kind", found.kind().wire(), "reason", reason)));
      return found.cleared(clearance);
    });
    return new ReportStatus(report, checks.quarantined(report.product()));
  }

  private void requireReviewer(Caller caller) {
    if (!reviewers.contains(caller.ailock())) {
      throw new DistributionException(ErrorCode.NOT_REVIEWER,
          "only the reviewers the operator named may review content reports");
    }
  }
}
