package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.schemas.RequestSigning;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every function refuses what is not signed by a registered key, and a signed request works once. */
@ServerIntegrationTest
class AuthenticationIT {
  private static final String[] GET_FUNCTIONS = {"identities-get?ailock_id=x", "products-upload-status?upload_id=x",
      "products-download-manifest?product_id=x", "products-download-chunk?product_id=x&index=0"};
  private static final String[] POST_FUNCTIONS = {"products-create", "products-upload-init",
      "products-upload-complete", "products-upload-chunk?upload_id=x&index=0", "identities-register"};

  @LocalServerPort
  int port;

  @Autowired
  Clock clock;

  @Autowired
  JdbcClient jdbc;

  HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  TestAilock ailock;

  @BeforeEach
  void register() {
    ailock = TestAilock.register(port, clock);
  }

  URI uri(String function) {
    return URI.create("http://127.0.0.1:" + port + "/.netlify/functions/" + function);
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A signed GET built from {@link SignedHttp#sign}, so a test can send it twice or alter it. */
  static HttpRequest.Builder signed(SignedHttp signer, String method, String function, Map<String, String> query,
      String contentSha256) {
    SignedHttp.Signed signed = signer.sign(method, function, query, contentSha256);
    HttpRequest.Builder builder = HttpRequest.newBuilder(signed.uri());
    signed.headers().forEach(builder::header);
    return builder;
  }

  static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    if (status == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Ailock-Ed25519");
    }
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"code\":\"" + code + "\"").doesNotContain("Exception").doesNotContain("at ai.");
  }

  @Test
  void refusesUnsignedRequestsToEveryFunction() throws Exception {
    for (String function : GET_FUNCTIONS) {
      assertProblem(send(HttpRequest.newBuilder(uri(function)).GET().build()), 401, "unauthenticated");
    }
    for (String function : POST_FUNCTIONS) {
      String type = function.startsWith("products-upload-chunk") ? "application/octet-stream" : "application/json";
      String body = type.equals("application/json") ? "{}" : "xx";
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri(function)).header("Content-Type", type)
          .header(RequestSigning.CONTENT_SHA256_HEADER, TestCiphertext.hex(body.getBytes()))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
      assertThat(response.statusCode()).as(function).isIn(401, 422);
      if (!function.equals("identities-register")) {
        assertProblem(response, 401, "unauthenticated");
      }
    }
  }

  @Test
  void refusesARequestSignedByAnUnregisteredKey() throws Exception {
    var stranger = new SignedHttp(uri(""), AilockKeys.generate(), clock);
    HttpRequest request = signed(stranger, "GET", "identities-get", Map.of("ailock_id", ailock.ailockId()),
        RequestSigning.EMPTY_SHA256).GET().build();
    assertProblem(send(request), 401, "unauthenticated");
  }

  @Test
  void acceptsASignedRequestOnceAndRefusesItsReplay() throws Exception {
    HttpRequest request = signed(ailock.http(), "GET", "identities-get", Map.of("ailock_id", ailock.ailockId()),
        RequestSigning.EMPTY_SHA256).GET().build();
    HttpResponse<String> first = send(request);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains(ailock.keys().keyId());
    assertProblem(send(request), 401, "replayed_request");
  }

  @Test
  void refusesTheNextRequestOfAKeyRetiredAfterItWasUsed() throws Exception {
    HttpRequest before = signed(ailock.http(), "GET", "identities-get", Map.of("ailock_id", ailock.ailockId()),
        RequestSigning.EMPTY_SHA256).GET().build();
    assertThat(send(before).statusCode()).isEqualTo(200);

    jdbc.sql("UPDATE dist_ailock_keys SET status = 'retired', retired_at = now() WHERE key_id = ?")
        .param(ailock.keys().keyId()).update();

    HttpRequest after = signed(ailock.http(), "GET", "identities-get", Map.of("ailock_id", ailock.ailockId()),
        RequestSigning.EMPTY_SHA256).GET().build();
    assertProblem(send(after), 401, "unauthenticated");
  }

  @Test
  void refusesATamperedQueryOrBody() throws Exception {
    HttpRequest signed = signed(ailock.http(), "GET", "identities-get", Map.of("ailock_id", ailock.ailockId()),
        RequestSigning.EMPTY_SHA256).GET().build();
    HttpRequest tampered = HttpRequest.newBuilder(URI.create(signed.uri().toString().replace("ailock_id=", "ailock_id=0")))
        .headers(signed.headers().map().entrySet().stream()
            .flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
            .toArray(String[]::new)).GET().build();
    assertProblem(send(tampered), 401, "unauthenticated");

    byte[] body = "{\"title\":\"t\",\"content_type\":\"a/b\",\"size\":1}".getBytes();
    HttpRequest wrongBody = signed(ailock.http(), "POST", "products-create", Map.of(), TestCiphertext.hex(body))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"u\",\"content_type\":\"a/b\",\"size\":1}")).build();
    assertProblem(send(wrongBody), 401, "unauthenticated");
  }

  @Test
  void refusesARequestSignedOutsideTheReplayWindow() throws Exception {
    var late = new SignedHttp(uri(""), ailock.keys(), Clock.offset(clock, Duration.ofMinutes(-6)));
    HttpRequest request = signed(late, "GET", "identities-get", Map.of("ailock_id", ailock.ailockId()),
        RequestSigning.EMPTY_SHA256).GET().build();
    assertProblem(send(request), 401, "unauthenticated");
  }

  @Test
  void answersValidationFailuresWithPointers() throws Exception {
    byte[] body = "{\"title\":\"\",\"size\":-1,\"extra\":true}".getBytes();
    HttpRequest request = signed(ailock.http(), "POST", "products-create", Map.of(), TestCiphertext.hex(body))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response = send(request);
    assertProblem(response, 422, "validation_failed");
    JsonNode problem = ai.ailock.distribution.schemas.WireJson.mapper().readTree(response.body());
    assertThat(problem.get("violations")).extracting(v -> v.get("pointer").asString())
        .contains("/content_type", "/extra", "/size", "/title");
  }

  @Test
  void refusesAnOversizedChunkWithoutReadingIt() throws Exception {
    String productId = ailock.createProduct(300_000);
    String uploadId = ailock.http().postJson("products-upload-init", Map.of("product_id", productId,
        "ciphertext_length", ai.ailock.distribution.engine.product.CiphertextLayout.ciphertextLength(300_000)))
        .get("upload_id").asString();
    HttpRequest headersOnly = signed(ailock.http(), "POST", "products-upload-chunk",
        Map.of("upload_id", uploadId, "index", "0"), "a".repeat(64)).header("Content-Type", "application/octet-stream")
        .GET().build();
    // A raw socket sends the headers of a 5 MiB body and nothing else: the answer must come without the body.
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      StringBuilder head = new StringBuilder("POST " + headersOnly.uri().getRawPath() + "?" + headersOnly.uri().getRawQuery()
          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (5 * 1024 * 1024) + "\r\n");
      headersOnly.headers().map().forEach((k, vs) -> vs.forEach(v -> head.append(k).append(": ").append(v).append("\r\n")));
      socket.getOutputStream().write(head.append("\r\n").toString().getBytes());
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      var response = new StringBuilder();
      byte[] buffer = new byte[4096];
      while (!response.toString().contains("chunk_too_large")) {
        int n = in.read(buffer);
        if (n == -1) {
          break;
        }
        response.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
      }
      assertThat(response.toString()).startsWith("HTTP/1.1 413").contains("chunk_too_large");
    }
  }

  @Test
  void answersUnknownFunctionsAndWrongMethodsWithProblems() throws Exception {
    assertProblem(send(HttpRequest.newBuilder(uri("no-such-function")).GET().build()), 404, "not_found");
  }
}
