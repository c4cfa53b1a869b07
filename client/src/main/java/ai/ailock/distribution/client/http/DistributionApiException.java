package ai.ailock.distribution.client.http;

import java.util.List;

/**
 * The service refused a request: its RFC 9457 problem, with the stable {@code code} to branch on.
 *
 * @see <a href="../../../../../../../../docs/api.md">docs/api.md, Errors</a>
 */
public final class DistributionApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A JSON-Schema violation: where and why. */
  public record Violation(String pointer, String message) {}

  private final int status;
  private final String code;
  private final transient List<Violation> violations;

  public DistributionApiException(int status, String code, String detail, List<Violation> violations) {
    super(status + " " + code + ": " + detail);
    this.status = status;
    this.code = code;
    this.violations = List.copyOf(violations);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<Violation> violations() {
    return violations;
  }
}
