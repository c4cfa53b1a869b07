package ai.ailock.distribution.engine;

import org.jspecify.annotations.Nullable;

/** Where a request came from, for the audit trail and logs. Never holds credentials. */
public record RequestMeta(String requestId, @Nullable String ip, @Nullable String userAgent) {
  public static RequestMeta internal(String requestId) {
    return new RequestMeta(requestId, null, "ailock-distribution/internal");
  }
}
