package ai.ailock.distribution.engine.transfer;

import static ai.ailock.distribution.engine.fixtures.TransferFixture.NOW;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.inState;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.offeredTransfer;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.preAndPostInputs;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The aggregate's intents: accepted changes bump the version; refusals are values with a code. */
class TransferTest {
  static final ReceivedPayment PAYMENT = new ReceivedPayment(1500, "usd", "cs_1");

  static Decision.Accepted accepted(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Accepted.class);
    return (Decision.Accepted) decision;
  }

  static Decision.Rejected rejected(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Rejected.class);
    return (Decision.Rejected) decision;
  }

  @Test
  void invoicesAnOfferWithoutInputs() {
    Decision.Accepted invoiced = accepted(offeredTransfer().invoice(NOW));
    assertThat(invoiced.transfer().state()).isEqualTo(TransferState.INVOICED);
    assertThat(invoiced.transfer().version()).isEqualTo(1);
    assertThat(invoiced.event().action()).isEqualTo("transfer.invoiced");
    assertThat(invoiced.event().from()).isEqualTo(TransferState.OFFERED);
  }

  @Test
  void refusesTheInvoiceWhilePrePaymentInputsAreMissing() {
    Decision.Rejected refused = rejected(offeredTransfer(preAndPostInputs()).invoice(NOW));
    assertThat(refused.code()).isEqualTo(ErrorCode.MISSING_INPUTS);
    assertThat(refused.missingInputs()).containsExactly("company");
  }

  @Test
  void confirmsAPaymentIntoPaidOrPaidPendingInputs() {
    assertThat(accepted(inState(TransferState.INVOICED).confirmPayment(PAYMENT, NOW)).transfer().state())
        .isEqualTo(TransferState.PAID);
    Transfer withPostInputs = inState(TransferState.INVOICED, preAndPostInputs(), Map.of("company", "ACME"));
    assertThat(accepted(withPostInputs.confirmPayment(PAYMENT, NOW)).transfer().state())
        .isEqualTo(TransferState.PAID_PENDING_INPUTS);
  }

  @Test
  void rejectsPaymentConfirmationOnceRevokedOrAlreadyPaid() {
    assertThat(rejected(inState(TransferState.REVOKED).confirmPayment(PAYMENT, NOW)).code())
        .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    assertThat(rejected(inState(TransferState.PAID).confirmPayment(PAYMENT, NOW)).code())
        .isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    assertThat(rejected(offeredTransfer().confirmPayment(PAYMENT, NOW)).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
  }

  @Test
  void rejectsAPaymentOfAnotherAmount() {
    assertThat(rejected(inState(TransferState.INVOICED).confirmPayment(new ReceivedPayment(1, "usd", "cs"), NOW))
        .code()).isEqualTo(ErrorCode.PAYMENT_MISMATCH);
  }

  @Test
  void theLastPostPaymentInputMakesThePendingTransferPaid() {
    Transfer pending = inState(TransferState.PAID_PENDING_INPUTS, preAndPostInputs(), Map.of("company", "ACME"));
    Decision.Accepted done = accepted(pending.submitInputs(Map.of("website", "https://acme.example"), NOW));
    assertThat(done.transfer().state()).isEqualTo(TransferState.PAID);
    assertThat(done.event().action()).isEqualTo("transfer.inputs_completed");
    assertThat(done.transfer().inputs().values()).containsEntry("company", "ACME")
        .containsEntry("website", "https://acme.example");
  }

  @Test
  void submittingInputsWithoutCompletingKeepsTheStateAndBumpsTheVersion() {
    Transfer offered = offeredTransfer(preAndPostInputs());
    Decision.Accepted submitted = accepted(offered.submitInputs(Map.of("company", "ACME"), NOW));
    assertThat(submitted.transfer().state()).isEqualTo(TransferState.OFFERED);
    assertThat(submitted.transfer().version()).isEqualTo(offered.version() + 1);
    assertThat(submitted.event().changesState()).isFalse();
    assertThat(submitted.event().detail()).containsEntry("inputs", "company").doesNotContainValue("ACME");
  }

  @Test
  void freezesPrePaymentInputsOncePaidAndAllInputsAfterDelivery() {
    Transfer paid = inState(TransferState.PAID_PENDING_INPUTS, preAndPostInputs(), Map.of("company", "ACME"));
    assertThat(rejected(paid.submitInputs(Map.of("company", "Other"), NOW)).code()).isEqualTo(ErrorCode.INPUTS_LOCKED);
    Transfer delivered = inState(TransferState.DELIVERED, preAndPostInputs(), Map.of("company", "ACME"));
    assertThat(rejected(delivered.submitInputs(Map.of("website", "https://a.example"), NOW)).code())
        .isEqualTo(ErrorCode.INPUTS_LOCKED);
  }

  @Test
  void refusesAValueForAnInputTheProductDoesNotRequire() {
    assertThat(rejected(offeredTransfer(preAndPostInputs()).submitInputs(Map.of("age", "3"), NOW)).code())
        .isEqualTo(ErrorCode.VALIDATION_FAILED);
  }

  @Test
  void isVisibleToItsSellerAndBuyerOnly() {
    Transfer transfer = offeredTransfer();
    assertThat(transfer.involves(transfer.seller())).isTrue();
    assertThat(transfer.involves(transfer.buyer())).isTrue();
    assertThat(transfer.involves(new ai.ailock.distribution.engine.identity.AilockId("someone"))).isFalse();
  }
}
