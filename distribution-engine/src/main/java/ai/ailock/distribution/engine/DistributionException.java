package ai.ailock.distribution.engine;

import ai.ailock.distribution.schemas.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A refusal: the request is understood but the rules say no. Carries a stable {@link ErrorCode}, a detail
 * safe to show to the caller (never a secret, never a stack trace) and, for validation, the violations.
 * Nothing was changed when this is thrown.
 */
public class DistributionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<Violation> violations;
  private final List<String> missingInputs;
  private final transient @Nullable Duration retryAfter;

  public DistributionException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public DistributionException(ErrorCode code, String detail, List<Violation> violations) {
    this(code, detail, violations, List.of(), null);
  }

  /** A refusal naming the required buyer inputs that are still missing ({@link ErrorCode#MISSING_INPUTS}). */
  public static DistributionException missingInputs(String detail, List<String> missingInputIds) {
    return new DistributionException(ErrorCode.MISSING_INPUTS, detail, List.of(), missingInputIds, null);
  }

  /** A refusal because the caller used up its rate limit; it may try again after {@code retryAfter}. */
  public static DistributionException rateLimited(String detail, Duration retryAfter) {
    return new DistributionException(ErrorCode.RATE_LIMITED, detail, List.of(), List.of(), retryAfter);
  }

  private DistributionException(ErrorCode code, String detail, List<Violation> violations,
      List<String> missingInputs, @Nullable Duration retryAfter) {
    super(detail, null, false, false);
    this.code = code;
    this.violations = List.copyOf(violations);
    this.missingInputs = List.copyOf(missingInputs);
    this.retryAfter = retryAfter;
  }

  public ErrorCode code() {
    return code;
  }

  /** @return JSON-pointer violations for {@link ErrorCode#VALIDATION_FAILED}; otherwise empty */
  public List<Violation> violations() {
    return violations;
  }

  /** @return the ids of required buyer inputs still missing, for {@link ErrorCode#MISSING_INPUTS}; otherwise empty */
  public List<String> missingInputs() {
    return missingInputs;
  }

  /** @return how long a {@link ErrorCode#RATE_LIMITED} caller should wait; otherwise empty */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
