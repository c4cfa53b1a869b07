package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.RequiredInput.Timing;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.time.Instant;
import java.util.List;

/** Why a transfer's content cannot be handed out (yet, or any more), as one refusal per state. */
final class DeliveryGate {
  private DeliveryGate() {}

  /**
   * Plan §9 "before paid → deny claim": refuses unless the transfer is {@code paid} (grantable), {@code delivered}
   * or {@code acknowledged}, and its access has not expired.
   */
  static void requireGrantedOrGrantable(Transfer transfer, Instant now) {
    TransferState state = transfer.state();
    if (state != TransferState.PAID && state != TransferState.DELIVERED && state != TransferState.ACKNOWLEDGED) {
      throw refusal(transfer);
    }
    if (!now.isBefore(transfer.expiresAt())) {
      throw new DistributionException(ErrorCode.TRANSFER_EXPIRED, "the transfer's access ended at "
          + transfer.expiresAt());
    }
  }

  /** Refuses unless the transfer is {@code delivered} or {@code acknowledged}, and its access has not expired. */
  static void requireDelivered(Transfer transfer, Instant now) {
    if (transfer.state() == TransferState.PAID) {
      throw new DistributionException(ErrorCode.ILLEGAL_TRANSITION, "the transfer is not granted yet");
    }
    requireGrantedOrGrantable(transfer, now);
  }

  /** @return the published content of the transfer's product, or a refusal once it is gone */
  static ProductContent content(Product product, Instant now) {
    ProductContent content = product.content();
    if (content == null || product.expired(now)) {
      throw new DistributionException(ErrorCode.PRODUCT_EXPIRED, "the product's retention period has ended");
    }
    return content;
  }

  private static DistributionException refusal(Transfer transfer) {
    switch (transfer.state()) {
      case OFFERED, INVOICED -> {
        return new DistributionException(ErrorCode.NOT_PAID, "the transfer is not paid yet");
      }
      case PAID_PENDING_INPUTS -> {
        List<String> missing = transfer.missingInputs(Timing.POST_PAYMENT_PRE_GRANT);
        return DistributionException.missingInputs("required post-payment inputs are missing: "
            + String.join(", ", missing), missing);
      }
      case DISPUTED -> {
        return new DistributionException(ErrorCode.TRANSFER_DISPUTED,
            "the transfer is disputed; no content is released until the dispute is settled");
      }
      default -> {
        return new DistributionException(ErrorCode.ACCESS_REVOKED, "access ended: the transfer is "
            + transfer.state().wire());
      }
    }
  }
}
