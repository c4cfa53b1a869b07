package ai.ailock.distribution.engine.transfer;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.schemas.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The terms an offer fixes: the product's policy with the offer's overrides. Rules (issue 4):
 * <ul>
 *   <li>the price is the offer's, else the product's; one of them must set it ({@code price_required}) and it must be
 *       at least one minor unit (free transfers are not supported yet);
 *   <li>the download limit may be overridden with any value from 1 to {@value #MAX_DOWNLOAD_LIMIT};
 *   <li>the retention may be shortened, never extended past the product's ({@code retention_days} is a maximum);
 *   <li>required inputs are the product's; an offer cannot change them.
 * </ul>
 */
public final class TransferTerms {
  public static final int MAX_DOWNLOAD_LIMIT = 100;

  private TransferTerms() {}

  /** What an offer may override; null members keep the product's value. */
  public record Overrides(@Nullable Price price, @Nullable Integer downloadLimit, @Nullable Integer retentionDays) {
    public static Overrides none() {
      return new Overrides(null, null, null);
    }
  }

  /**
   * @return the transfer's terms
   * @throws DistributionException {@code price_required}, or {@code validation_failed} with a pointer into the offer
   *     for each override out of bounds
   */
  public static ProductPolicy resolve(ProductPolicy product, Overrides overrides) {
    Price price = overrides.price() != null ? overrides.price() : product.price();
    if (price == null) {
      throw new DistributionException(ErrorCode.PRICE_REQUIRED,
          "the product has no price; the offer must set one");
    }
    var violations = new ArrayList<Violation>();
    if (price.amount() < 1) {
      violations.add(new Violation(overrides.price() != null ? "/price/amount" : "/price",
          "must be at least 1 minor unit; free transfers are not supported"));
    }
    int downloadLimit = overrides.downloadLimit() != null ? overrides.downloadLimit() : product.downloadLimit();
    if (downloadLimit < 1 || downloadLimit > MAX_DOWNLOAD_LIMIT) {
      violations.add(new Violation("/policy/download_limit", "must be 1 to " + MAX_DOWNLOAD_LIMIT));
    }
    int retentionDays = overrides.retentionDays() != null ? overrides.retentionDays() : product.retentionDays();
    if (retentionDays < 1 || retentionDays > product.retentionDays()) {
      violations.add(new Violation("/policy/retention_days",
          "must be 1 to " + product.retentionDays() + " (the product's retention)"));
    }
    if (!violations.isEmpty()) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the offer's terms are out of bounds",
          List.copyOf(violations));
    }
    return new ProductPolicy(retentionDays, downloadLimit, price, product.requiredInputs(),
        product.personalizedCopies());
  }
}
