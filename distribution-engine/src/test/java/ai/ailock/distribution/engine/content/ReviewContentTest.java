package ai.ailock.distribution.engine.content;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.delivery.DeliveryTicket;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reviewing content reports (docs/content.md): only the reviewers the operator named see the open reports and clear
 * them; a product is served again once every report of it is cleared; clearing is audited and idempotent.
 */
class ReviewContentTest {
  final DeliveryFixture fixture = new DeliveryFixture();
  final Caller reviewer = fixture.engine().registeredSeller().caller();
  final ReviewContent review = new ReviewContent(fixture.engine().checks(), fixture.engine().audit(),
      fixture.engine().transactions(), fixture.engine().clock(), Set.of(reviewer.ailock()));

  /** A delivered transfer whose buyer downloaded a chunk and reported it. */
  ContentReport reported(ContentReport.Kind kind) {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(3, List.of()));
    fixture.open(ticket);
    fixture.fetch(ticket, 0, null);
    return fixture.reportContent().report(fixture.buyer(), ticket.transfer().id(), kind, "Eicar-Test-Signature")
        .report();
  }

  void offerAgain(ContentReport report) {
    fixture.commerce().offerTransfer().offer(fixture.seller(), new OfferTransfer.Command(report.product(),
        fixture.commerce().buyerAilock().id(), TransferTerms.Overrides.none()));
  }

  @Test
  void aClearedReportLiftsTheQuarantineAndIsAudited() {
    ContentReport report = reported(ContentReport.Kind.MALWARE);
    fixture.engine().clock().advance(Duration.ofMinutes(5));

    ReportStatus reviewed = review.clear(reviewer, report.id(), "false positive: signature FP-123");

    assertThat(reviewed.quarantined()).isFalse();
    assertThat(reviewed.report().open()).isFalse();
    assertThat(reviewed.report().clearance()).isEqualTo(new ContentReport.Clearance(reviewer.ailock(),
        "false positive: signature FP-123", fixture.engine().clock().instant()));
    assertThat(fixture.engine().checks().quarantined(report.product())).isFalse();
    assertThat(fixture.engine().audit().actions()).containsOnlyOnce("content.cleared");
    offerAgain(report); // refused with content_quarantined before
    assertThat(review.open(reviewer, 10)).isEmpty();
  }

  @Test
  void clearingTwiceKeepsTheFirstClearanceAndAuditsOnce() {
    ContentReport report = reported(ContentReport.Kind.ABUSE);
    ContentReport.Clearance first = review.clear(reviewer, report.id(), "reviewed").report().clearance();
    fixture.engine().clock().advance(Duration.ofMinutes(1));

    ReportStatus again = review.clear(reviewer, report.id(), "reviewed again");

    assertThat(again.report().clearance()).isEqualTo(first);
    assertThat(fixture.engine().audit().actions()).containsOnlyOnce("content.cleared");
  }

  @Test
  void aProductStaysQuarantinedWhileAnyOfItsReportsIsOpen() {
    ContentReport malware = reported(ContentReport.Kind.MALWARE);
    ContentReport abuse = fixture.reportContent().report(fixture.buyer(),
        new TransferId(malware.transfer()), ContentReport.Kind.ABUSE, "spam").report();
    assertThat(review.open(reviewer, 10)).containsExactly(malware, abuse);

    assertThat(review.clear(reviewer, malware.id(), "clean on rescan").quarantined()).isTrue();

    assertRefused(() -> offerAgain(malware), ErrorCode.CONTENT_QUARANTINED);
    assertThat(review.open(reviewer, 10)).containsExactly(abuse);
    assertThat(review.open(reviewer, 1)).hasSize(1);
  }

  @Test
  void onlyNamedReviewersReviewAndOnlyExistingReportsClear() {
    ContentReport report = reported(ContentReport.Kind.MALWARE);

    assertRefused(() -> review.open(fixture.seller(), 10), ErrorCode.NOT_REVIEWER);
    assertRefused(() -> review.clear(fixture.seller(), report.id(), "mine is fine"), ErrorCode.NOT_REVIEWER);
    assertRefused(() -> review.clear(fixture.buyer(), report.id(), "never mind"), ErrorCode.NOT_REVIEWER);
    assertRefused(() -> review.clear(reviewer, UUID.randomUUID(), "unknown"), ErrorCode.REPORT_NOT_FOUND);
    assertRefused(() -> review.clear(reviewer, report.id(), " "), ErrorCode.MALFORMED_REQUEST);
    assertRefused(() -> review.open(reviewer, 0), ErrorCode.MALFORMED_REQUEST);
    assertRefused(() -> review.open(reviewer, PageRequest.MAX_LIMIT + 1), ErrorCode.MALFORMED_REQUEST);

    assertThat(fixture.engine().checks().quarantined(report.product())).isTrue();
    assertThat(fixture.engine().audit().actions()).doesNotContain("content.cleared");
  }

  @Test
  void aClearedReportIsNotRaisedAgainByTheSameBuyer() {
    ContentReport report = reported(ContentReport.Kind.MALWARE);
    review.clear(reviewer, report.id(), "false positive");

    ReportStatus repeated = fixture.reportContent().report(fixture.buyer(),
        new TransferId(report.transfer()), ContentReport.Kind.MALWARE, "again");

    assertThat(repeated.report().open()).isFalse();
    assertThat(repeated.quarantined()).isFalse();
    assertThat(fixture.engine().checks().quarantined(report.product())).isFalse();
    assertThat(fixture.engine().audit().actions()).containsOnlyOnce("content.reported");
  }
}
