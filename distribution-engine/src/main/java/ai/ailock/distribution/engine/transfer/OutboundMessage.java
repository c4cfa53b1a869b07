package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.identity.AilockId;
import java.util.Map;

/**
 * A message the service sends to an Ailock's inbox (design §3.2). The outbox gives it a message id; messages of one
 * transfer are delivered in the order they were sent.
 *
 * @param type the interaction type's wire form, e.g. {@code payment_request}
 * @param payload the type's payload (strings, numbers and booleans), as its interaction schema describes it
 * @param traceId the request id of the change that sent it
 */
public record OutboundMessage(String type, TransferId transfer, AilockId recipient, Map<String, Object> payload,
    String traceId) {
  public static final String PRODUCT_OFFER = "product_offer";
  public static final String PAYMENT_REQUEST = "payment_request";
  public static final String PAYMENT_CONFIRMED = "payment_confirmed";
  public static final String PRODUCT_DELIVERY = "product_delivery";
  public static final String DELIVERY_RECEIPT = "delivery_receipt";
  public static final String PRODUCT_REVOKE = "product_revoke";
  public static final String PRODUCT_DISPUTE = "product_dispute";

  public OutboundMessage {
    payload = Map.copyOf(payload);
  }
}
