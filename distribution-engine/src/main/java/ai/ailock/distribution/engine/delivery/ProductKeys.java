package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.Optional;

/** Stored key envelopes, one per transfer ({@code dist_product_keys}). Implementations are thread-safe. */
public interface ProductKeys {

  /**
   * Stores the envelope of {@code key.transfer()}, replacing one deposited earlier for the same transfer.
   *
   * @return false if the transfer's envelope was destroyed (nothing changed: a shredded key never comes back)
   */
  boolean deposit(DepositedKey key);

  /** @return the transfer's envelope, held or destroyed, or empty if none was ever deposited */
  Optional<DepositedKey> find(TransferId transfer);

  /**
   * Crypto-shredding: forgets the envelope's bytes for good. Idempotent.
   *
   * @return true if this call destroyed it, false if there was none or it was destroyed before
   */
  boolean destroy(TransferId transfer, Instant at);
}
