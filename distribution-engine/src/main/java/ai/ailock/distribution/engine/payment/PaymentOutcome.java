package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import org.jspecify.annotations.Nullable;

/**
 * How a payment event was settled, as recorded with its event id and answered to the provider.
 *
 * @param code {@code fulfilled}, {@code already_paid}, {@code duplicate_event}, {@code payment_pending},
 *     {@code payment_failed}, {@code checkout_expired}, {@code amount_mismatch}, {@code transfer_mismatch},
 *     {@code unknown_session}, {@code refused_<error code>}
 * @param state the transfer's state afterwards, when known
 */
public record PaymentOutcome(String code, @Nullable TransferId transfer, @Nullable TransferState state) {
  public static final String DUPLICATE = "duplicate_event";

  public boolean fulfilled() {
    return "fulfilled".equals(code);
  }
}
