package ai.ailock.distribution.engine.product;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a product may be delivered. Defaults (plan §4): 7 days' retention, one download per transfer, no price
 * set on the product (the offer sets it), no required inputs. Every transfer is bound to a single recipient
 * by construction; expiry always revokes.
 */
public record ProductPolicy(int retentionDays, int downloadLimit, @Nullable Price price,
    List<RequiredInput> requiredInputs) {

  public static final int MAX_RETENTION_DAYS = 7;

  public ProductPolicy {
    if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS || downloadLimit < 1) {
      throw new IllegalArgumentException("invalid policy");
    }
    requiredInputs = List.copyOf(requiredInputs);
  }

  public static ProductPolicy defaults() {
    return new ProductPolicy(MAX_RETENTION_DAYS, 1, null, List.of());
  }

  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }
}
