package ai.ailock.distribution.engine.product;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a product may be delivered. Defaults (plan §4): 7 days' retention, one download per transfer, no price
 * set on the product (the offer sets it), no required inputs, no personalized copies. Every transfer is bound to a
 * single recipient by construction; expiry always revokes.
 *
 * @param personalizedCopies every buyer must get its own copy (LICENSE.txt, watermark), built by the seller's Ailock:
 *     a transfer of this product is granted only with its {@link ProductCopy}
 */
public record ProductPolicy(int retentionDays, int downloadLimit, @Nullable Price price,
    List<RequiredInput> requiredInputs, boolean personalizedCopies) {

  public static final int MAX_RETENTION_DAYS = 7;

  public ProductPolicy {
    if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS || downloadLimit < 1) {
      throw new IllegalArgumentException("invalid policy");
    }
    requiredInputs = List.copyOf(requiredInputs);
  }

  /** A policy without personalized copies. */
  public ProductPolicy(int retentionDays, int downloadLimit, @Nullable Price price,
      List<RequiredInput> requiredInputs) {
    this(retentionDays, downloadLimit, price, requiredInputs, false);
  }

  /** @return this policy for a personalized copy itself: the same, less the duty to be personalized again */
  public ProductPolicy ofCopy() {
    return new ProductPolicy(retentionDays, downloadLimit, price, requiredInputs, false);
  }

  public static ProductPolicy defaults() {
    return new ProductPolicy(MAX_RETENTION_DAYS, 1, null, List.of());
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }
}
