package ai.ailock.distribution.client.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
  private final transient Duration retryAfter;

  public DistributionApiException(int status, String code, String detail, List<Violation> violations) {
    this(status, code, detail, violations, null);
  }

  /** @param retryAfter when the service said to come back (a 429's {@code retry_after_seconds}), or null */
  public DistributionApiException(int status, String code, String detail, List<Violation> violations,
      Duration retryAfter) {
    super(status + " " + code + ": " + detail);
    this.status = status;
    this.code = code;
    this.violations = List.copyOf(violations);
    this.retryAfter = retryAfter;
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

  /** @return how long the service asked the caller to wait before trying again (rate limits), if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
