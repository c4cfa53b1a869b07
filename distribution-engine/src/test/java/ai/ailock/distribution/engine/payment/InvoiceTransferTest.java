package ai.ailock.distribution.engine.payment;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.CommerceFixture;
import ai.ailock.distribution.engine.fixtures.TransferFixture;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTransferTest {
  final CommerceFixture fixture = new CommerceFixture();

  @Test
  void createsOneSessionPerAttemptAndReturnsTheOpenOne() {
    Transfer offered = fixture.offered(new ProductPolicy(7, 1, new Price(900, "eur"), List.of()));
    Invoice first = fixture.invoiceTransfer().invoice(fixture.buyer(), offered.id());
    Invoice again = fixture.invoiceTransfer().invoice(fixture.buyer(), offered.id());

    assertThat(first.transfer().state()).isEqualTo(TransferState.INVOICED);
    assertThat(again.intent()).isEqualTo(first.intent());
    assertThat(first.intent().amount()).isEqualTo(900);
    assertThat(fixture.payments().idempotencyKeys()).containsExactly("ailock-transfer-" + offered.id() + "-attempt-1");
    assertThat(fixture.engine().audit().entries("transfer.invoiced")).hasSize(1);
  }

  @Test
  void refusesWhilePrePaymentInputsAreMissingWithoutCallingTheProvider() {
    Transfer offered = fixture.offered(new ProductPolicy(7, 1, new Price(900, "eur"),
        TransferFixture.preAndPostInputs()));
    var refusal = assertRefused(() -> fixture.invoiceTransfer().invoice(fixture.buyer(), offered.id()),
        ErrorCode.MISSING_INPUTS);
    assertThat(refusal.missingInputs()).containsExactly("company");
    assertThat(fixture.payments().idempotencyKeys()).isEmpty();
  }

  @Test
  void onlyTheRecipientMayInvoice() {
    Transfer offered = fixture.offered(new ProductPolicy(7, 1, new Price(900, "eur"), List.of()));
    assertRefused(() -> fixture.invoiceTransfer().invoice(fixture.seller(), offered.id()), ErrorCode.NOT_RECIPIENT);
    var stranger = fixture.engine().registeredSeller().caller();
    assertRefused(() -> fixture.invoiceTransfer().invoice(stranger, offered.id()), ErrorCode.TRANSFER_NOT_FOUND);
  }

  @Test
  void aProviderOutageChangesNothing() {
    Transfer offered = fixture.offered(new ProductPolicy(7, 1, new Price(900, "eur"), List.of()));
    fixture.payments().providerDown(true);
    assertRefused(() -> fixture.invoiceTransfer().invoice(fixture.buyer(), offered.id()),
        ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
    assertThat(fixture.transfers().find(offered.id()).orElseThrow().state()).isEqualTo(TransferState.OFFERED);
  }

  @Test
  void retriesALostCompareAndSetThenGivesUp() {
    Transfer offered = fixture.offered(new ProductPolicy(7, 1, new Price(900, "eur"), List.of()));
    fixture.transfers().loseNextUpdates(1);
    assertThat(fixture.changes().retrying(() -> fixture.changes().store(
        fixture.transfers().find(offered.id()).orElseThrow().invoice(fixture.engine().clock().instant()).orThrow(),
        "test", CommerceFixture.webhook())).state()).isEqualTo(TransferState.INVOICED);

    Transfer invoiced = fixture.transfers().find(offered.id()).orElseThrow();
    fixture.transfers().loseNextUpdates(100);
    assertRefused(() -> fixture.changes().retrying(() -> fixture.changes().store(
        invoiced.confirmPayment(new ai.ailock.distribution.engine.transfer.ReceivedPayment(900, "eur", "cs"),
            fixture.engine().clock().instant()).orThrow(), "test", CommerceFixture.webhook())),
        ErrorCode.CONCURRENT_UPDATE);
  }
}
