package ai.ailock.distribution.interaction;

import ai.ailock.distribution.schemas.WireSchema;
import java.util.Locale;
import java.util.Optional;

/**
 * The interaction types of the Ailock inbox (design §3.2), their payload schemas and their direction: {@link #inbound()}
 * types are sent by an Ailock to the service and handled by an {@link InteractionHandler}; the others are only sent by
 * the service.
 */
public enum InteractionType {
  PRODUCT_OFFER(WireSchema.INTERACTION_PRODUCT_OFFER, true),
  PAYMENT_REQUEST(WireSchema.INTERACTION_PAYMENT_REQUEST, false),
  PAYMENT_CONFIRMED(WireSchema.INTERACTION_PAYMENT_CONFIRMED, true),
  PRODUCT_DELIVERY(WireSchema.INTERACTION_PRODUCT_DELIVERY, false),
  DELIVERY_RECEIPT(WireSchema.INTERACTION_DELIVERY_RECEIPT, true),
  PRODUCT_REVOKE(WireSchema.INTERACTION_PRODUCT_REVOKE, true),
  PRODUCT_DISPUTE(WireSchema.INTERACTION_PRODUCT_DISPUTE, true);

  private final WireSchema schema;
  private final boolean inbound;

  InteractionType(WireSchema schema, boolean inbound) {
    this.schema = schema;
    this.inbound = inbound;
  }

  /** @return the JSON Schema of this type's payload */
  public WireSchema schema() {
    return schema;
  }

  /** @return true if an Ailock may send this type to the service */
  public boolean inbound() {
    return inbound;
  }

  /** @return the wire form, e.g. {@code product_offer} */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the type of a wire name; empty if unknown */
  public static Optional<InteractionType> fromWire(String wire) {
    for (InteractionType type : values()) {
      if (type.wire().equals(wire)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
