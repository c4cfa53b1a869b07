package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.identity.AilockId;
import java.util.List;
import java.util.Map;

/**
 * Which inbox messages a stored state change sends (docs/api.md, "Interactions and ailock-batch"): payment →
 * {@code payment_confirmed} to both parties (state {@code paid}, or {@code paid_pending_inputs} while post-payment
 * inputs are missing; when the last one arrives, {@code payment_confirmed} with state {@code paid} tells the seller
 * again, so its Ailock knows it can grant now); grant → {@code product_delivery} to the buyer; acknowledgement →
 * {@code delivery_receipt} to the seller; revocation → {@code product_revoke} to the buyer; dispute →
 * {@code product_dispute} to the other party (both for a card-network dispute). Offers and invoices send theirs from
 * their use cases ({@code product_offer}, {@code payment_request} with the checkout link).
 */
final class TransferMessages {
  private TransferMessages() {}

  static List<OutboundMessage> of(Transfer transfer, TransferEvent event, String traceId) {
    if (!event.changesState()) {
      return List.of();
    }
    Map<String, Object> ref = Map.of("transfer_id", transfer.id().toString(), "state", event.to().wire());
    switch (event.to()) {
      case PAID:
      case PAID_PENDING_INPUTS:
        if (event.from() == TransferState.PAID_PENDING_INPUTS) {
          return List.of(to(OutboundMessage.PAYMENT_CONFIRMED, transfer, transfer.seller(), ref, traceId));
        }
        if (event.from() != TransferState.INVOICED) {
          return List.of();
        }
        return List.of(to(OutboundMessage.PAYMENT_CONFIRMED, transfer, transfer.seller(), ref, traceId),
            to(OutboundMessage.PAYMENT_CONFIRMED, transfer, transfer.buyer(), ref, traceId));
      case DELIVERED:
        return List.of(to(OutboundMessage.PRODUCT_DELIVERY, transfer, transfer.buyer(), ref, traceId));
      case ACKNOWLEDGED:
        return List.of(to(OutboundMessage.DELIVERY_RECEIPT, transfer, transfer.seller(), ref, traceId));
      case REVOKED:
        return List.of(to(OutboundMessage.PRODUCT_REVOKE, transfer, transfer.buyer(), ref, traceId));
      case DISPUTED:
        String openedBy = event.detail().getOrDefault("opened_by", "");
        if (openedBy.equals("buyer")) {
          return List.of(to(OutboundMessage.PRODUCT_DISPUTE, transfer, transfer.seller(), ref, traceId));
        }
        if (openedBy.equals("seller")) {
          return List.of(to(OutboundMessage.PRODUCT_DISPUTE, transfer, transfer.buyer(), ref, traceId));
        }
        return List.of(to(OutboundMessage.PRODUCT_DISPUTE, transfer, transfer.seller(), ref, traceId),
            to(OutboundMessage.PRODUCT_DISPUTE, transfer, transfer.buyer(), ref, traceId));
      default:
        return List.of();
    }
  }

  private static OutboundMessage to(String type, Transfer transfer, AilockId recipient, Map<String, Object> payload,
      String traceId) {
    return new OutboundMessage(type, transfer.id(), recipient, payload, traceId);
  }
}
