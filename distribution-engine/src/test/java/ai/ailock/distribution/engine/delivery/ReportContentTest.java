package ai.ailock.distribution.engine.delivery;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.content.ContentReport;
import ai.ailock.distribution.engine.fixtures.DeliveryFixture;
import ai.ailock.distribution.engine.transfer.OfferTransfer;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.transfer.TransferTerms;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Content reports (plan §8 "malware/moderation checks prior to grant", docs/content.md): a buyer who downloaded the
 * content reports what it found, and the product is quarantined: no new offer, grant, ticket, download session or
 * chunk; receipts still go through.
 */
class ReportContentTest {
  final DeliveryFixture fixture = new DeliveryFixture();

  /** A delivered transfer whose buyer opened a download and fetched one chunk. */
  DeliveryTicket downloadedOnce() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(3, List.of()));
    fixture.open(ticket);
    fixture.fetch(ticket, 0, null);
    return ticket;
  }

  ContentReport report(DeliveryTicket ticket, ContentReport.Kind kind) {
    return fixture.reportContent().report(fixture.buyer(), ticket.transfer().id(), kind, "Eicar-Test-Signature")
        .report();
  }

  @Test
  void aReportQuarantinesTheProductAndIsRecordedOncePerKind() {
    DeliveryTicket ticket = downloadedOnce();

    ContentReport report = report(ticket, ContentReport.Kind.MALWARE);

    assertThat(report.product()).isEqualTo(ticket.transfer().product());
    assertThat(report.reporter()).isEqualTo(ticket.transfer().buyer());
    assertThat(fixture.engine().checks().quarantined(ticket.transfer().product())).isTrue();
    assertThat(report(ticket, ContentReport.Kind.MALWARE)).isEqualTo(report);
    assertThat(fixture.engine().checks().ofProduct(ticket.transfer().product())).containsExactly(report);
    assertThat(fixture.engine().audit().actions()).containsOnlyOnce("content.reported");
  }

  @Test
  void aQuarantinedProductIsNeitherOfferedGrantedTicketedNorServed() {
    DeliveryTicket reported = downloadedOnce();
    Transfer paidMeanwhile = fixture.paid(DeliveryFixture.policy(3, List.of()));
    report(reported, ContentReport.Kind.ABUSE);
    var product = reported.transfer().product();

    assertRefused(() -> fixture.commerce().offerTransfer().offer(fixture.seller(), new OfferTransfer.Command(product,
        fixture.commerce().buyerAilock().id(), TransferTerms.Overrides.none())), ErrorCode.CONTENT_QUARANTINED);
    assertRefused(() -> fixture.issueTicket().ticket(fixture.buyer(), reported.transfer().id()),
        ErrorCode.CONTENT_QUARANTINED);
    assertRefused(() -> fixture.fetch(reported, 1, null), ErrorCode.CONTENT_QUARANTINED);
    // another product of the same seller is not affected
    assertThat(fixture.granted(paidMeanwhile).transfer().state()).isEqualTo(TransferState.DELIVERED);
  }

  @Test
  void onlyABuyerWhoOpenedADownloadReports() {
    DeliveryTicket ticket = fixture.delivered(DeliveryFixture.policy(3, List.of()));

    assertRefused(() -> report(ticket, ContentReport.Kind.MALWARE), ErrorCode.NOT_DOWNLOADED);
    assertRefused(() -> fixture.reportContent().report(fixture.stranger(), ticket.transfer().id(),
        ContentReport.Kind.MALWARE, "x"), ErrorCode.TRANSFER_NOT_FOUND);
    assertRefused(() -> fixture.reportContent().report(fixture.seller(), ticket.transfer().id(),
        ContentReport.Kind.MALWARE, "x"), ErrorCode.NOT_RECIPIENT);
    assertThat(fixture.engine().checks().quarantined(ticket.transfer().product())).isFalse();
  }

  @Test
  void theReportingBuyerStillAcknowledgesWhatItReceived() {
    DeliveryTicket ticket = downloadedOnce();
    report(ticket, ContentReport.Kind.MALWARE);

    Transfer acknowledged = fixture.acknowledgeDelivery().acknowledge(fixture.buyer(), ticket.transfer().id(),
        fixture.receipt(ticket, "c".repeat(64), fixture.engine().clock().instant()));

    assertThat(acknowledged.state()).isEqualTo(TransferState.ACKNOWLEDGED);
  }
}
