package ai.ailock.distribution.engine.transfer;

import static ai.ailock.distribution.engine.fixtures.TransferFixture.NOW;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.inState;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.offeredTransfer;
import static ai.ailock.distribution.engine.fixtures.TransferFixture.preAndPostInputs;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each policy on its own: what it vetoes, and that it leaves other transitions alone. */
class TransferPoliciesTest {
  static final ReceivedPayment RIGHT = new ReceivedPayment(1500, "usd", "cs_1");

  @Nested
  class NotExpired {
    final TransferPolicy policy = TransferPolicies.notExpired();

    @Test
    void vetoesAnInvoiceAtOrAfterTheOffersExpiry() {
      Transfer offered = offeredTransfer();
      var veto = policy.veto(offered, new Transition(TransferState.INVOICED, offered.expiresAt(), null));
      assertThat(veto).get().extracting(Decision.Rejected::code).isEqualTo(ErrorCode.TRANSFER_EXPIRED);
    }

    @Test
    void allowsAnInvoiceBeforeExpiryAndAPaymentAfterIt() {
      Transfer offered = offeredTransfer();
      assertThat(policy.veto(offered, new Transition(TransferState.INVOICED, NOW, null))).isEmpty();
      assertThat(policy.veto(offered, new Transition(TransferState.PAID, NOW.plus(Duration.ofDays(30)), RIGHT)))
          .as("money taken is honoured, whatever the clock").isEmpty();
    }
  }

  @Nested
  class NotDeliveredAfterExpiry {
    final TransferPolicy policy = TransferPolicies.notDeliveredAfterExpiry();

    @Test
    void vetoesADeliveryAtOrAfterTheTransfersExpiry() {
      Transfer paid = inState(TransferState.PAID);
      var veto = policy.veto(paid, new Transition(TransferState.DELIVERED, paid.expiresAt(), null));
      assertThat(veto).get().extracting(Decision.Rejected::code).isEqualTo(ErrorCode.TRANSFER_EXPIRED);
    }

    @Test
    void allowsADeliveryBeforeExpiryAndOtherTransitionsAfterIt() {
      Transfer paid = inState(TransferState.PAID);
      assertThat(policy.veto(paid, new Transition(TransferState.DELIVERED, NOW, null))).isEmpty();
      assertThat(policy.veto(paid, new Transition(TransferState.REFUNDED, paid.expiresAt().plusSeconds(1), null)))
          .isEmpty();
    }
  }

  @Nested
  class PrePaymentInputsSupplied {
    final TransferPolicy policy = TransferPolicies.prePaymentInputsSupplied();

    @Test
    void vetoesAnInvoiceNamingTheMissingRequiredInputs() {
      var veto = policy.veto(offeredTransfer(preAndPostInputs()), new Transition(TransferState.INVOICED, NOW, null));
      assertThat(veto).get().satisfies(r -> {
        assertThat(r.code()).isEqualTo(ErrorCode.MISSING_INPUTS);
        assertThat(r.missingInputs()).containsExactly("company"); // notes is optional, website is post-payment
      });
    }

    @Test
    void allowsAnInvoiceOnceTheyAreSupplied() {
      Transfer supplied = inState(TransferState.OFFERED, preAndPostInputs(), Map.of("company", "ACME"));
      assertThat(policy.veto(supplied, new Transition(TransferState.INVOICED, NOW, null))).isEmpty();
    }
  }

  @Nested
  class PaymentMatchesPrice {
    final TransferPolicy policy = TransferPolicies.paymentMatchesPrice();

    @Test
    void vetoesAnotherAmountOrCurrency() {
      Transfer invoiced = inState(TransferState.INVOICED);
      for (ReceivedPayment wrong : new ReceivedPayment[] {new ReceivedPayment(1499, "usd", "cs_1"),
          new ReceivedPayment(1500, "eur", "cs_1")}) {
        assertThat(policy.veto(invoiced, new Transition(TransferState.PAID, NOW, wrong))).get()
            .extracting(Decision.Rejected::code).isEqualTo(ErrorCode.PAYMENT_MISMATCH);
        assertThat(policy.veto(invoiced, new Transition(TransferState.PAID_PENDING_INPUTS, NOW, wrong))).isPresent();
      }
    }

    @Test
    void allowsTheExactPrice() {
      assertThat(policy.veto(inState(TransferState.INVOICED), new Transition(TransferState.PAID, NOW, RIGHT)))
          .isEmpty();
    }
  }

  @Nested
  class PostPaymentInputsSupplied {
    final TransferPolicy policy = TransferPolicies.postPaymentInputsSupplied();

    @Test
    void vetoesPaidWhileAPostPaymentInputIsMissing() {
      Transfer pending = inState(TransferState.PAID_PENDING_INPUTS, preAndPostInputs(), Map.of("company", "ACME"));
      assertThat(policy.veto(pending, new Transition(TransferState.PAID, NOW, null))).get()
          .extracting(Decision.Rejected::missingInputs).asList().containsExactly("website");
    }

    @Test
    void allowsPaidPendingInputsAndPaidOnceSupplied() {
      Transfer invoiced = inState(TransferState.INVOICED, preAndPostInputs(), Map.of("company", "ACME"));
      assertThat(policy.veto(invoiced, new Transition(TransferState.PAID_PENDING_INPUTS, NOW, RIGHT))).isEmpty();
      Transfer supplied = inState(TransferState.PAID_PENDING_INPUTS, preAndPostInputs(),
          Map.of("company", "ACME", "website", "https://acme.example"));
      assertThat(policy.veto(supplied, new Transition(TransferState.PAID, NOW, null))).isEmpty();
    }
  }
}
