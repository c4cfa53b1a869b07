package ai.ailock.distribution.engine.transfer;

import static ai.ailock.distribution.engine.fixtures.TransferFixture.NOW;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.inState;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery intents of the aggregate (issue 5): each one through the transition table, and the download budget. */
class TransferDeliveryIntentsTest {

  static Transfer accepted(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Accepted.class);
    return ((Decision.Accepted) decision).transfer();
  }

  static ErrorCode refused(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Rejected.class);
    return ((Decision.Rejected) decision).code();
  }

  @Test
  void deliversOnlyAPaidTransfer() {
    assertThat(accepted(inState(TransferState.PAID).deliver(NOW)).state()).isEqualTo(TransferState.DELIVERED);
    assertThat(refused(inState(TransferState.INVOICED).deliver(NOW))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    assertThat(refused(inState(TransferState.PAID_PENDING_INPUTS).deliver(NOW)))
        .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
  }

  @Test
  void acknowledgesRevokesRefundsDisputesAndExpiresAlongTheTable() {
    Transfer delivered = inState(TransferState.DELIVERED);
    assertThat(accepted(delivered.acknowledge(NOW, Map.of())).state()).isEqualTo(TransferState.ACKNOWLEDGED);
    assertThat(accepted(delivered.revoke(NOW, "breach")).state()).isEqualTo(TransferState.REVOKED);
    assertThat(accepted(delivered.refund(NOW, Map.of())).state()).isEqualTo(TransferState.REFUNDED);
    assertThat(accepted(delivered.dispute(NOW, Map.of())).state()).isEqualTo(TransferState.DISPUTED);
    assertThat(accepted(delivered.expire(NOW)).state()).isEqualTo(TransferState.EXPIRED);
    assertThat(refused(inState(TransferState.ACKNOWLEDGED).revoke(NOW, "x"))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    assertThat(refused(inState(TransferState.REFUNDED).dispute(NOW, Map.of())))
        .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
  }

  @Test
  void opensADownloadWithinTheBudgetBumpingTheVersionOnly() {
    Transfer delivered = inState(TransferState.DELIVERED); // download limit 1
    Transfer opened = accepted(delivered.openDownload(NOW, 0, 0));
    assertThat(opened.state()).isEqualTo(TransferState.DELIVERED);
    assertThat(opened.version()).isEqualTo(delivered.version() + 1);
    assertThat(refused(delivered.openDownload(NOW, 1, 0))).isEqualTo(ErrorCode.DOWNLOAD_LIMIT_REACHED);
    assertThat(refused(delivered.openDownload(NOW, 0, 1))).isEqualTo(ErrorCode.DOWNLOAD_LIMIT_REACHED);
    assertThat(refused(delivered.openDownload(delivered.expiresAt().plus(Duration.ofSeconds(1)), 0, 0)))
        .isEqualTo(ErrorCode.TRANSFER_EXPIRED);
    assertThat(refused(inState(TransferState.PAID).openDownload(NOW, 0, 0))).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
  }
}
