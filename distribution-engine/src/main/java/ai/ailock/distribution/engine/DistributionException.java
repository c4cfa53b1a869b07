package ai.ailock.distribution.engine;

import ai.ailock.distribution.schemas.Violation;
import java.util.List;

/**
 * A refusal: the request is understood but the rules say no. Carries a stable {@link ErrorCode}, a detail
 * safe to show to the caller (never a secret, never a stack trace) and, for validation, the violations.
 * Nothing was changed when this is thrown.
 */
public class DistributionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient List<Violation> violations;

  public DistributionException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public DistributionException(ErrorCode code, String detail, List<Violation> violations) {
    super(detail, null, false, false);
    this.code = code;
    this.violations = List.copyOf(violations);
  }

  public ErrorCode code() {
    return code;
  }

  /** @return JSON-pointer violations for {@link ErrorCode#VALIDATION_FAILED}; otherwise empty */
  public List<Violation> violations() {
    return violations;
  }
}
