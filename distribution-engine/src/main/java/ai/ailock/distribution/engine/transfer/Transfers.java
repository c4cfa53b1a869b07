package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import java.util.Optional;

/** Stored transfers. Implementations are thread-safe. */
public interface Transfers {

  void add(Transfer transfer);

  Optional<Transfer> find(TransferId id);

  /** @return true if {@code buyer} has been offered {@code product} (in any state) */
  boolean offered(ProductId product, AilockId buyer);

  /**
   * Stores {@code changed} if the stored transfer still has version {@code changed.version() - 1} (compare-and-set).
   *
   * @return false if another change was stored meanwhile (nothing changed): re-read and decide again
   */
  boolean update(Transfer changed);
}
