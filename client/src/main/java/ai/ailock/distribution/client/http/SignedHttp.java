package ai.ailock.distribution.client.http;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.schemas.RequestSigning;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Calls the service's functions, signing each request with the Ailock's Ed25519 key (scheme
 * {@code Ailock-Ed25519}, docs/api.md). Refusals become {@link DistributionApiException}s. Thread-safe; one
 * instance per Ailock and service is enough.
 *
 * <p>Transport: the JDK's blocking {@link HttpURLConnection} with fixed-length streaming and keep-alive. On
 * loopback it moves request bodies about twice as fast as {@code java.net.http.HttpClient} (measured in
 * docs/benchmarks.md), and chunk transfers are what this client spends its time on.
 */
public final class SignedHttp {
  private static final int TIMEOUT_MILLIS = (int) Duration.ofMinutes(2).toMillis();
  private static final int MAX_PROBLEM_BYTES = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI functions;
  private final AilockKeys keys;
  private final Clock clock;

  /** @param functions the functions' base, e.g. {@code http://localhost:8080/.netlify/functions} */
  public SignedHttp(URI functions, AilockKeys keys) {
    this(functions, keys, Clock.systemUTC());
  }

  /** @param clock the clock signatures are dated with */
  public SignedHttp(URI functions, AilockKeys keys, Clock clock) {
    this.functions = URI.create(functions.toString().replaceAll("/+$", ""));
    this.keys = keys;
    this.clock = clock;
  }

  public AilockKeys keys() {
    return keys;
  }

  /** @return a client of the same service signing with {@code other} (after a key rotation) */
  public SignedHttp signingWith(AilockKeys other) {
    return new SignedHttp(functions, other, clock);
  }

  /** A request's address and the headers that carry its signature. */
  public record Signed(URI uri, Map<String, String> headers) {}

  /** A successful streamed answer; the caller reads and closes {@code body}. */
  public record Response(int statusCode, HttpHeaders headers, InputStream body) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** POSTs a JSON body; @return the JSON answer */
  public JsonNode postJson(String function, Object body) {
    byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
    return json(exchange("POST", function, Map.of(), Map.of("Content-Type", "application/json"), bytes, 0,
        bytes.length, sha256(bytes, 0, bytes.length)));
  }

  /** POSTs a JSON body with extra headers (a claim token); @return the JSON answer */
  public JsonNode postJson(String function, Object body, Map<String, String> headers) {
    byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
    var all = new LinkedHashMap<String, String>(headers);
    all.put("Content-Type", "application/json");
    return json(exchange("POST", function, Map.of(), all, bytes, 0, bytes.length, sha256(bytes, 0, bytes.length)));
  }

  /** GETs a JSON answer */
  public JsonNode getJson(String function, Map<String, String> query) {
    return json(get(function, query, Map.of()));
  }

  /** GETs a streamed answer; refusals are thrown */
  public Response get(String function, Map<String, String> query, Map<String, String> headers) {
    return exchange("GET", function, query, headers, null, 0, 0, RequestSigning.EMPTY_SHA256);
  }

  /** POSTs raw bytes (a chunk) whose SHA-256 is {@code sha256}; @return the JSON answer */
  public JsonNode postBytes(String function, Map<String, String> query, byte[] body, int offset, int length,
      String sha256) {
    return json(exchange("POST", function, query, Map.of("Content-Type", "application/octet-stream"), body, offset,
        length, sha256));
  }

  /** @return the address and signature headers of a request with these exact method, query and body hash */
  public Signed sign(String method, String function, Map<String, String> query, String contentSha256) {
    String rawQuery = query(query);
    URI uri = URI.create(functions + "/" + function + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    long created = clock.instant().getEpochSecond();
    byte[] nonceBytes = new byte[18];
    RANDOM.nextBytes(nonceBytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
    byte[] toSign = RequestSigning.stringToSign(method, uri.getRawPath(), rawQuery, contentSha256, created, nonce,
        keys.keyId());
    String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.sign(toSign));
    return new Signed(uri, Map.of(
        "Authorization", new RequestSigning.Credentials(keys.keyId(), created, nonce, signature).header(),
        RequestSigning.CONTENT_SHA256_HEADER, contentSha256));
  }

  private Response exchange(String method, String function, Map<String, String> query, Map<String, String> headers,
      byte[] body, int offset, int length, String contentSha256) {
    Signed signed = sign(method, function, query, contentSha256);
    try {
      var connection = (HttpURLConnection) signed.uri().toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setUseCaches(false);
      signed.headers().forEach(connection::setRequestProperty);
      headers.forEach(connection::setRequestProperty);
      if (body != null) {
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body, offset, length);
        }
      }
      int status = connection.getResponseCode();
      InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      if (stream == null && status == 401) {
        // HttpURLConnection withholds the body of a 401 to a streamed POST (it would want to retry with
        // credentials); the refusal is still an authentication failure.
        throw new DistributionApiException(401, "unauthenticated", "the service refused the request's signature",
            List.of());
      }
      var response = new Response(status, headersOf(connection),
          stream == null ? InputStream.nullInputStream() : stream);
      if (status >= 400) {
        throw problem(response);
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + function + " failed: " + e.getMessage(), e);
    }
  }

  private static JsonNode json(Response response) {
    try (InputStream body = response.body()) {
      return WireJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DistributionApiException problem(Response response) {
    try (InputStream body = response.body()) {
      JsonNode problem = WireJson.mapper().readTree(body.readNBytes(MAX_PROBLEM_BYTES));
      List<DistributionApiException.Violation> violations = new ArrayList<>();
      for (JsonNode v : problem.path("violations")) {
        violations.add(new DistributionApiException.Violation(v.path("pointer").asString(), v.path("message").asString()));
      }
      return new DistributionApiException(response.statusCode(), problem.path("code").asString("unknown"),
          problem.path("detail").asString(""), violations, retryAfter(problem, response));
    } catch (IOException | RuntimeException e) {
      return new DistributionApiException(response.statusCode(), "unknown", "unreadable problem body", List.of());
    }
  }

  /** The problem's {@code retry_after_seconds}, else a {@code Retry-After} header in seconds (RFC 9110 §10.2.3). */
  private static Duration retryAfter(JsonNode problem, Response response) {
    JsonNode seconds = problem.path("retry_after_seconds");
    if (seconds.canConvertToLong() && seconds.asLong() >= 0) {
      return Duration.ofSeconds(seconds.asLong());
    }
    String header = response.headers().firstValue("Retry-After").orElse("");
    return header.matches("[0-9]{1,9}") ? Duration.ofSeconds(Long.parseLong(header)) : null;
  }

  private static HttpHeaders headersOf(HttpURLConnection connection) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    connection.getHeaderFields().forEach((name, values) -> {
      if (name != null) {
        headers.put(name, values);
      }
    });
    return HttpHeaders.of(headers, (name, value) -> true);
  }

  private static String query(Map<String, String> query) {
    return new LinkedHashMap<>(query).entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** @return the lowercase hex SHA-256 of {@code bytes[offset, offset+length)} */
  public static String sha256(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, offset, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
