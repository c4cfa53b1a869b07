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

  Optional<ContentReport> byId(UUID report);

  /** @return the product's reports, open and cleared, oldest first */
  List<ContentReport> ofProduct(ProductId product);

  /** @return the open reports of every product, oldest first, at most {@code limit}: a reviewer's queue */
  List<ContentReport> open(int limit);

  /**
   * Clears the report if it is open.
   *
   * @return false if there is no such report or it was cleared before (nothing changed)
   */
  boolean clear(UUID report, ContentReport.Clearance clearance);

  /** @return whether the product has an open report: it is quarantined until a reviewer clears them all */
  default boolean quarantined(ProductId product) {
    return ofProduct(product).stream().anyMatch(ContentReport::open);
  }
}
