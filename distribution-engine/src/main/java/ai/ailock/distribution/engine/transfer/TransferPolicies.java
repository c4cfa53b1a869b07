package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.RequiredInput.Timing;
import java.util.List;
import java.util.Optional;

/** The policies every transfer applies, in the order they are asked. */
public final class TransferPolicies {
  private TransferPolicies() {}

  /** @return the standard list: not expired, not delivered after expiry, pre-payment inputs, payment matches price, post-payment inputs */
  public static List<TransferPolicy> standard() {
    return List.of(notExpired(), notDeliveredAfterExpiry(), prePaymentInputsSupplied(), paymentMatchesPrice(),
        postPaymentInputsSupplied());
  }

  /** Nothing is delivered at or after the transfer's {@code expires_at} ({@code transfer_expired}). */
  public static TransferPolicy notDeliveredAfterExpiry() {
    return (transfer, transition) -> transition.to() == TransferState.DELIVERED
        && !transition.at().isBefore(transfer.expiresAt())
        ? Optional.of(new Decision.Rejected(ErrorCode.TRANSFER_EXPIRED, "the transfer expired at "
            + transfer.expiresAt()))
        : Optional.empty();
  }

  /** An offer past its {@code expires_at} cannot be invoiced ({@code transfer_expired}). */
  public static TransferPolicy notExpired() {
    return (transfer, transition) -> transition.to() == TransferState.INVOICED
        && !transition.at().isBefore(transfer.expiresAt())
        ? Optional.of(new Decision.Rejected(ErrorCode.TRANSFER_EXPIRED, "the offer expired at " + transfer.expiresAt()))
        : Optional.empty();
  }

  /**
   * Plan §7.0: required inputs with {@code timing=pre_payment} gate the invoice; the refusal names them
   * ({@code missing_inputs}).
   */
  public static TransferPolicy prePaymentInputsSupplied() {
    return (transfer, transition) -> transition.to() == TransferState.INVOICED
        ? missing(transfer, Timing.PRE_PAYMENT, "required pre-payment inputs are missing")
        : Optional.empty();
  }

  /**
   * Design §3.6: a payment is checked against the transfer's amount and currency; a payment of another amount or
   * currency fulfils nothing ({@code payment_mismatch}).
   */
  public static TransferPolicy paymentMatchesPrice() {
    return (transfer, transition) -> {
      ReceivedPayment payment = transition.payment();
      if (payment == null || !(transition.to() == TransferState.PAID
          || transition.to() == TransferState.PAID_PENDING_INPUTS)) {
        return Optional.empty();
      }
      Price price = transfer.price();
      if (payment.amount() == price.amount() && payment.currency().equals(price.currency())) {
        return Optional.empty();
      }
      return Optional.of(new Decision.Rejected(ErrorCode.PAYMENT_MISMATCH, "received " + payment.amount() + " "
          + payment.currency() + " for a transfer priced " + price.amount() + " " + price.currency()));
    };
  }

  /**
   * Plan §9: a paid transfer becomes {@code paid} (grantable) only once every required
   * {@code post_payment_pre_grant} input is supplied; until then it stays {@code paid_pending_inputs}.
   */
  public static TransferPolicy postPaymentInputsSupplied() {
    return (transfer, transition) -> transition.to() == TransferState.PAID
        ? missing(transfer, Timing.POST_PAYMENT_PRE_GRANT, "required post-payment inputs are missing")
        : Optional.empty();
  }

  private static Optional<Decision.Rejected> missing(Transfer transfer, Timing timing, String detail) {
    List<String> missing = transfer.missingInputs(timing);
    return missing.isEmpty() ? Optional.empty()
        : Optional.of(new Decision.Rejected(ErrorCode.MISSING_INPUTS, detail + ": " + String.join(", ", missing),
            missing));
  }
}
