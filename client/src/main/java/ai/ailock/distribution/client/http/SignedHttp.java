package ai.ailock.distribution.client.http;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.schemas.RequestSigning;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Calls the service's functions, signing each request with the Ailock's Ed25519 key (scheme
 * {@code Ailock-Ed25519}, docs/api.md). Refusals become {@link DistributionApiException}s. Thread-safe; one
 * instance per Ailock and service is enough.
 */
public final class SignedHttp {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpClient http;
  private final URI functions;
  private final AilockKeys keys;
  private final Clock clock;

  /** @param functions the functions' base, e.g. {@code http://localhost:8080/.netlify/functions} */
  public SignedHttp(URI functions, AilockKeys keys) {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(),
        functions, keys, Clock.systemUTC());
  }

  public SignedHttp(HttpClient http, URI functions, AilockKeys keys, Clock clock) {
    this.http = http;
    this.functions = URI.create(functions.toString().replaceAll("/+$", ""));
    this.keys = keys;
    this.clock = clock;
  }

  public AilockKeys keys() {
    return keys;
  }

  /** POSTs a JSON body; @return the JSON answer */
  public JsonNode postJson(String function, Object body) {
    byte[] bytes = WireJson.mapper().writeValueAsBytes(body);
    HttpRequest request = signed("POST", function, Map.of(), sha256(bytes, 0, bytes.length))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    return json(send(request, HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** GETs a JSON answer */
  public JsonNode getJson(String function, Map<String, String> query) {
    return json(get(function, query, Map.of()));
  }

  /** GETs a streamed answer; refusals are thrown, success is the caller's to read and close */
  public HttpResponse<InputStream> get(String function, Map<String, String> query, Map<String, String> headers) {
    HttpRequest.Builder builder = signed("GET", function, query, RequestSigning.EMPTY_SHA256).GET();
    headers.forEach(builder::header);
    HttpResponse<InputStream> response = send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 400) {
      throw problem(response);
    }
    return response;
  }

  /** POSTs raw bytes (a chunk) whose SHA-256 is {@code sha256}; @return the JSON answer */
  public JsonNode postBytes(String function, Map<String, String> query, byte[] body, int offset, int length,
      String sha256) {
    HttpRequest request = signed("POST", function, query, sha256)
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body, offset, length))
        .build();
    return json(send(request, HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** @return a request builder carrying the signature of these exact method, path, query and body hash */
  public HttpRequest.Builder signed(String method, String function, Map<String, String> query, String contentSha256) {
    String rawQuery = query(query);
    URI uri = URI.create(functions + "/" + function + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    long created = clock.instant().getEpochSecond();
    byte[] nonceBytes = new byte[18];
    RANDOM.nextBytes(nonceBytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
    byte[] toSign = RequestSigning.stringToSign(method, uri.getRawPath(), rawQuery, contentSha256, created, nonce,
        keys.keyId());
    String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.sign(toSign));
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Authorization", new RequestSigning.Credentials(keys.keyId(), created, nonce, signature).header())
        .header(RequestSigning.CONTENT_SHA256_HEADER, contentSha256);
  }

  /** Sends a request, retrying nothing: callers decide what is safe to retry. */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode json(HttpResponse<InputStream> response) {
    if (response.statusCode() >= 400) {
      throw problem(response);
    }
    try (InputStream body = response.body()) {
      return WireJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the problem in a refused response, as an exception */
  public static DistributionApiException problem(HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      JsonNode problem = WireJson.mapper().readTree(body.readNBytes(64 * 1024));
      List<DistributionApiException.Violation> violations = new ArrayList<>();
      for (JsonNode v : problem.path("violations")) {
        violations.add(new DistributionApiException.Violation(v.path("pointer").asString(), v.path("message").asString()));
      }
      return new DistributionApiException(response.statusCode(), problem.path("code").asString("unknown"),
          problem.path("detail").asString(""), violations);
    } catch (IOException | RuntimeException e) {
      return new DistributionApiException(response.statusCode(), "unknown", "unreadable problem body", List.of());
    }
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
