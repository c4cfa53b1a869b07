package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.product.ProductId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Stored transfers. Implementations are thread-safe. */
public interface Transfers {

  void add(Transfer transfer);

  Optional<Transfer> find(TransferId id);

  /** @return true if {@code buyer} has been offered {@code product} (in any state) */
  boolean offered(ProductId product, AilockId buyer);

  /**
   * @return up to {@code limit} of the transfers in which {@code ailock} is the {@code party}, newest first by
   *     {@link PageCursor} order, only those after {@code after} (older) if it is given and only those in
   *     {@code state} if it is given
   */
  List<Transfer> involving(AilockId ailock, Party party, @Nullable TransferState state, @Nullable PageCursor after,
      int limit);

  /**
   * Stores {@code changed} if the stored transfer still has version {@code changed.version() - 1} (compare-and-set).
   *
   * @return false if another change was stored meanwhile (nothing changed): re-read and decide again
   */
  boolean update(Transfer changed);
}
