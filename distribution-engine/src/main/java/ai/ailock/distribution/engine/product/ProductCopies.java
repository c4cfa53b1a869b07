package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.identity.AilockId;
import java.util.Optional;
import java.util.UUID;

/** The personalized copies, at most one per transfer. Implementations are thread-safe. */
public interface ProductCopies {

  /** @return false if the transfer has a copy already, or the fingerprint is taken (nothing changed) */
  boolean add(ProductCopy copy);

  Optional<ProductCopy> forTransfer(UUID transfer);

  Optional<ProductCopy> byProduct(ProductId product);

  /** @return the copy of {@code owner} whose license has this fingerprint */
  Optional<ProductCopy> byFingerprint(AilockId owner, String licenseFingerprint);
}
