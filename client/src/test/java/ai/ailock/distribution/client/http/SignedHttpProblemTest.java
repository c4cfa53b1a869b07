package ai.ailock.distribution.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.ailock.distribution.client.AilockKeys;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refusals become {@link DistributionApiException}s that keep the problem's code and when to come back. */
class SignedHttpProblemTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private SignedHttp answering(int status, String body, Map<String, String> headers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
      headers.forEach(exchange.getResponseHeaders()::add);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return new SignedHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fn"),
        AilockKeys.generate());
  }

  @Test
  void aRateLimitSaysWhenToComeBack() throws IOException {
    SignedHttp http = answering(429, """
        {"code":"rate_limited","detail":"2 at once and 1 a minute; retry in 42 s","retry_after_seconds":42}""",
        Map.of("Retry-After", "42"));

    var refused = catchThrowableOfType(DistributionApiException.class,
        () -> http.postJson("products-ticket", Map.of("transfer_id", "t")));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("rate_limited");
    assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(42));
  }

  @Test
  void theRetryAfterHeaderServesWhenTheBodyIsSilent() throws IOException {
    SignedHttp http = answering(503, "{\"code\":\"storage_unavailable\",\"detail\":\"retry later\"}",
        Map.of("Retry-After", "7"));

    var refused = catchThrowableOfType(DistributionApiException.class, () -> http.getJson("inbox-poll", Map.of()));

    assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(7));
  }

  @Test
  void aRefusalWithoutRetryAfterHasNone() throws IOException {
    SignedHttp http = answering(409, "{\"code\":\"illegal_transition\",\"detail\":\"no\"}",
        Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));

    var refused = catchThrowableOfType(DistributionApiException.class, () -> http.getJson("transfers-get", Map.of()));

    assertThat(refused.code()).isEqualTo("illegal_transition");
    assertThat(refused.retryAfter()).as("an HTTP-date is not a wait this client honours").isEmpty();
  }
}
