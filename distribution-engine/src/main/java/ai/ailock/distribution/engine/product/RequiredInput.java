package ai.ailock.distribution.engine.product;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One input the buyer must supply (plan §4, policy notes): free text, a URL or a file, collected before payment
 * or after payment and before the grant.
 */
public record RequiredInput(
    String id,
    String label,
    Type type,
    Timing timing,
    boolean required,
    @Nullable String description,
    @Nullable Constraints constraints) {

  public enum Type { TEXT, TEXTAREA, URL, FILE }

  public enum Timing { PRE_PAYMENT, POST_PAYMENT_PRE_GRANT }

  /** Limits on a value: characters for text, media types and megabytes (MiB) for files. */
  public record Constraints(@Nullable Integer maxLen, @Nullable List<String> mimeTypes, @Nullable Integer maxSizeMb) {}
}
