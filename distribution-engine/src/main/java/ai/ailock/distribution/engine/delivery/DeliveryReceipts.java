package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.util.Optional;

/** Verified delivery receipts, at most one per transfer. Implementations are thread-safe. */
public interface DeliveryReceipts {

  /** @return false if the transfer has a receipt already (nothing changed) */
  boolean add(StoredReceipt receipt);

  Optional<StoredReceipt> find(TransferId transfer);
}
