package ai.ailock.distribution.engine.transfer;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a transfer stands (plan §4 {@code product_transfers.status}, plus {@code paid_pending_inputs},
 * {@code revoked} and {@code expired}). The transition table below is the only source of truth for what may follow
 * what; docs/transfers.md draws it.
 */
public enum TransferState {
  OFFERED, INVOICED, PAID, PAID_PENDING_INPUTS, DELIVERED, ACKNOWLEDGED, DISPUTED, REFUNDED, REVOKED, EXPIRED;

  private static final Map<TransferState, Set<TransferState>> NEXT = new EnumMap<>(TransferState.class);

  static {
    NEXT.put(OFFERED, EnumSet.of(INVOICED, REVOKED, EXPIRED));
    NEXT.put(INVOICED, EnumSet.of(PAID, PAID_PENDING_INPUTS, REVOKED, EXPIRED));
    NEXT.put(PAID_PENDING_INPUTS, EnumSet.of(PAID, REFUNDED, DISPUTED, REVOKED));
    NEXT.put(PAID, EnumSet.of(DELIVERED, REFUNDED, DISPUTED, REVOKED));
    NEXT.put(DELIVERED, EnumSet.of(ACKNOWLEDGED, DISPUTED, REFUNDED, REVOKED, EXPIRED));
    NEXT.put(ACKNOWLEDGED, EnumSet.of(DISPUTED, REFUNDED));
    NEXT.put(DISPUTED, EnumSet.of(ACKNOWLEDGED, REFUNDED, REVOKED));
    NEXT.put(REFUNDED, EnumSet.noneOf(TransferState.class));
    NEXT.put(REVOKED, EnumSet.noneOf(TransferState.class));
    NEXT.put(EXPIRED, EnumSet.noneOf(TransferState.class));
  }

  /** @return true if the table allows a transition from this state to {@code next} */
  public boolean canMoveTo(TransferState next) {
    return NEXT.get(this).contains(next);
  }

  /** @return the states this one may move to (empty for a terminal state) */
  public Set<TransferState> next() {
    return Collections.unmodifiableSet(NEXT.get(this));
  }

  public boolean terminal() {
    return NEXT.get(this).isEmpty();
  }

  /** @return true once the buyer's payment has been confirmed (and not refunded) */
  public boolean paid() {
    return this == PAID || this == PAID_PENDING_INPUTS || this == DELIVERED || this == ACKNOWLEDGED
        || this == DISPUTED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TransferState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
