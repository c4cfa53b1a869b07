package ai.ailock.distribution.engine.content;

import ai.ailock.distribution.engine.product.ProductId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The content checks recorded for products (plan §4 {@code content_checks}). Implementations are thread-safe. */
public interface ContentChecks {

  /** @return false if the transfer has a report of this kind already (nothing changed) */
  boolean add(ContentReport report);

  Optional<ContentReport> find(UUID transfer, ContentReport.Kind kind);

  List<ContentReport> ofProduct(ProductId product);

  /** @return whether the product has any report: it is quarantined until an operator clears it */
  default boolean quarantined(ProductId product) {
    return !ofProduct(product).isEmpty();
  }
}
