package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.RequestMeta;
import jakarta.servlet.http.HttpServletRequest;

/** The audit facts of a request: its id (from {@link RequestIdFilter}), peer address and user agent. */
final class RequestMetas {
  private RequestMetas() {}

  static RequestMeta of(HttpServletRequest request) {
    Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
    String agent = request.getHeader("User-Agent");
    return new RequestMeta(id == null ? "unknown" : id.toString(), request.getRemoteAddr(),
        agent == null ? null : agent.substring(0, Math.min(agent.length(), 256)));
  }
}
