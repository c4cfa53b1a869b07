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
  private final List<String> missingInputs;

  public DistributionException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public DistributionException(ErrorCode code, String detail, List<Violation> violations) {
    this(code, detail, violations, List.of());
  }

  /** A refusal naming the required buyer inputs that are still missing ({@link ErrorCode#MISSING_INPUTS}). */
  public static DistributionException missingInputs(String detail, List<String> missingInputIds) {
    return new DistributionException(ErrorCode.MISSING_INPUTS, detail, List.of(), missingInputIds);
  }

  private DistributionException(ErrorCode code, String detail, List<Violation> violations,
      List<String> missingInputs) {
    super(detail, null, false, false);
    this.code = code;
    this.violations = List.copyOf(violations);
    this.missingInputs = List.copyOf(missingInputs);
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
}
