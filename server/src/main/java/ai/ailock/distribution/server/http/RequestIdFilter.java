package ai.ailock.distribution.server.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if well formed, else a fresh one), puts it in the
 * logging context as {@code request_id}, echoes it in the response, and logs one access line per request:
 * method, path, status, duration. Query strings are not logged; no token ever travels in a URL.
 */
public final class RequestIdFilter extends OncePerRequestFilter {
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  public static final String HEADER = "X-Request-Id";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Logger log = LoggerFactory.getLogger("ailock.access");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String offered = request.getHeader(HEADER);
    String id = offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    long started = System.nanoTime();
    try (var ignored = MDC.putCloseable("request_id", id)) {
      chain.doFilter(request, response);
    } finally {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            logAccess(id, request, response, started);
          }

          @Override
          public void onTimeout(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
      } else {
        logAccess(id, request, response, started);
      }
    }
  }

  /** One access line; an asynchronous request (a long poll) logs it when it completes. */
  private static void logAccess(String id, HttpServletRequest request, HttpServletResponse response, long started) {
    try (var ignored = MDC.putCloseable("request_id", id)) {
      log.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }
}
