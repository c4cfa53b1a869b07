package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.storage.blob.FileSystemBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The chunked upload/download data plane over HTTP, on embedded PostgreSQL and the filesystem blob store. */
@ServerIntegrationTest
class UploadFunctionsIT {
  private static final int CHUNK = 64 * 1024;
  private static final long SIZE = 300_000; // 5 chunks of ciphertext at 64 KiB

  @LocalServerPort
  int port;

  @Autowired
  Clock clock;

  @Autowired
  FileSystemBlobStore blobs;

  TestAilock seller;
  TestCiphertext ciphertext;
  String productId;

  @BeforeEach
  void registerSellerWithDraftProduct() {
    seller = TestAilock.register(port, clock);
    productId = seller.createProduct(SIZE);
    ciphertext = new TestCiphertext(SIZE, CHUNK, 42);
  }

  JsonNode init() {
    return seller.http().postJson("products-upload-init",
        Map.of("product_id", productId, "ciphertext_length", ciphertext.length(), "chunk_size", CHUNK));
  }

  JsonNode put(SignedHttp http, String uploadId, int index, byte[] body) {
    return http.postBytes("products-upload-chunk", Map.of("upload_id", uploadId, "index", Integer.toString(index)),
        body, 0, body.length, TestCiphertext.hex(body));
  }

  JsonNode complete(String uploadId, ObjectNode manifest) {
    return seller.http().postJson("products-upload-complete",
        Map.of("upload_id", uploadId, "ciphertext_sha256", ciphertext.sha256(), "manifest", manifest));
  }

  static void refused(ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DistributionApiException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.status()).isEqualTo(status);
    });
  }

  @Test
  void refusesAProductOfADeniedContentTypeNamingThePointer() {
    assertThatThrownBy(() -> seller.http().postJson("products-create", Map.of("title", "Setup",
        "content_type", "application/x-msdownload", "size", 1000)))
        .isInstanceOfSatisfying(DistributionApiException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.code()).isEqualTo("content_type_not_allowed");
          assertThat(e.violations()).extracting(DistributionApiException.Violation::pointer)
              .containsExactly("/content_type");
        });
  }

  @Test
  void uploadsChunksOutOfOrderAndRepeatedThenServesThemBack() throws IOException {
    JsonNode upload = init();
    String uploadId = upload.get("upload_id").asString();
    assertThat(upload.get("chunk_count").asInt()).isEqualTo(ciphertext.chunkCount()).isEqualTo(5);
    assertThat(upload.get("ciphertext_length").asLong()).isEqualTo(CiphertextLayout.ciphertextLength(SIZE));

    List<Integer> order = new ArrayList<>(TestCiphertext.indices(ciphertext.chunkCount()));
    Collections.shuffle(order, new Random(7));
    for (int index : order) {
      assertThat(put(seller.http(), uploadId, index, ciphertext.chunk(index)).get("stored").asBoolean()).isTrue();
    }
    JsonNode again = put(seller.http(), uploadId, order.get(0), ciphertext.chunk(order.get(0)));
    assertThat(again.get("stored").asBoolean()).isFalse();

    JsonNode completed = complete(uploadId, ciphertext.signedManifest(productId, seller.keys()));
    assertThat(completed.get("status").asString()).isEqualTo("ready");
    assertThat(completed.get("ciphertext_sha256").asString()).isEqualTo(ciphertext.sha256());
    // Completing again with the same manifest is idempotent.
    assertThat(complete(uploadId, ciphertext.signedManifest(productId, seller.keys())).get("manifest_sha256"))
        .isEqualTo(completed.get("manifest_sha256"));

    var downloaded = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < ciphertext.chunkCount(); i++) {
      SignedHttp.Response chunk = seller.http().get("products-download-chunk",
          Map.of("product_id", productId, "index", Integer.toString(i)), Map.of());
      assertThat(chunk.headers().firstValue("X-Content-SHA256")).contains(TestCiphertext.hex(ciphertext.chunk(i)));
      try (InputStream body = chunk.body()) {
        body.transferTo(downloaded);
      }
    }
    assertThat(downloaded.toByteArray()).isEqualTo(ciphertext.all());

    SignedHttp.Response manifest = seller.http().get("products-download-manifest",
        Map.of("product_id", productId), Map.of());
    try (InputStream body = manifest.body()) {
      assertThat(TestCiphertext.hex(body.readAllBytes())).isEqualTo(completed.get("manifest_sha256").asString());
    }
  }

  @Test
  void servesARangeOfAChunk() throws IOException {
    String uploadId = uploadAll();
    complete(uploadId, ciphertext.signedManifest(productId, seller.keys()));
    SignedHttp.Response part = seller.http().get("products-download-chunk",
        Map.of("product_id", productId, "index", "1"), Map.of("Range", "bytes=100-199"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + CHUNK);
    try (InputStream body = part.body()) {
      assertThat(body.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(ciphertext.chunk(1), 100, 200));
    }
  }

  @Test
  void resumesFromTheServersChunkListAfterAnInterruption() {
    String uploadId = init().get("upload_id").asString();
    put(seller.http(), uploadId, 0, ciphertext.chunk(0));
    put(seller.http(), uploadId, 3, ciphertext.chunk(3));

    JsonNode resumed = init(); // a client that lost its state asks again
    assertThat(resumed.get("upload_id").asString()).isEqualTo(uploadId);
    JsonNode status = seller.http().getJson("products-upload-status", Map.of("upload_id", uploadId));
    assertThat(status.get("received")).extracting(JsonNode::asInt).containsExactly(0, 3);
    for (JsonNode missing : status.get("missing")) {
      put(seller.http(), uploadId, missing.asInt(), ciphertext.chunk(missing.asInt()));
    }
    assertThat(complete(uploadId, ciphertext.signedManifest(productId, seller.keys())).get("status").asString())
        .isEqualTo("ready");
  }

  @Test
  void keepsNothingOfAChunkWhoseConnectionDropsMidwayAndAcceptsItAgain() throws Exception {
    String uploadId = init().get("upload_id").asString();
    byte[] chunk = ciphertext.chunk(1);
    SignedHttp.Signed signed = seller.http().sign("POST", "products-upload-chunk",
        Map.of("upload_id", uploadId, "index", "1"), TestCiphertext.hex(chunk));
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      var head = new StringBuilder("POST " + signed.uri().getRawPath() + "?" + signed.uri().getRawQuery()
          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: "
          + chunk.length + "\r\n");
      signed.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      socket.getOutputStream().write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(chunk, 0, chunk.length / 2);
      socket.getOutputStream().flush();
    } // the connection drops with half the chunk sent

    JsonNode status = awaitStatus(uploadId);
    assertThat(status.get("received")).isEmpty();
    try (Stream<Path> files = Files.walk(blobs.root())) {
      assertThat(files.filter(Files::isRegularFile).filter(p -> p.toString().contains(uploadId))).isEmpty();
    }
    assertThat(put(seller.http(), uploadId, 1, chunk).get("stored").asBoolean()).isTrue();
  }

  /** The server notices a dropped connection asynchronously; give it a moment before reading the status. */
  JsonNode awaitStatus(String uploadId) throws InterruptedException {
    Thread.sleep(500);
    return seller.http().getJson("products-upload-status", Map.of("upload_id", uploadId));
  }

  @Test
  void refusesDifferentBytesForAHeldIndex() {
    String uploadId = init().get("upload_id").asString();
    put(seller.http(), uploadId, 1, ciphertext.chunk(1));
    byte[] other = ciphertext.chunk(1);
    other[0] ^= 1;
    refused(() -> put(seller.http(), uploadId, 1, other), 409, "chunk_conflict");
  }

  @Test
  void refusesAChunkWhoseBytesDoNotMatchItsHashAndStoresNothing() throws IOException {
    String uploadId = init().get("upload_id").asString();
    byte[] body = ciphertext.chunk(2);
    String declared = TestCiphertext.hex(body);
    body[body.length - 1] ^= 1;
    refused(() -> seller.http().postBytes("products-upload-chunk", Map.of("upload_id", uploadId, "index", "2"),
        body, 0, body.length, declared), 422, "chunk_hash_mismatch");
    JsonNode status = seller.http().getJson("products-upload-status", Map.of("upload_id", uploadId));
    assertThat(status.get("received")).isEmpty();
    try (Stream<Path> files = Files.walk(blobs.root())) {
      assertThat(files.filter(Files::isRegularFile).filter(p -> p.toString().contains(uploadId))).isEmpty();
    }
  }

  @Test
  void refusesAChunkOfTheWrongLength() {
    String uploadId = init().get("upload_id").asString();
    byte[] shortChunk = java.util.Arrays.copyOf(ciphertext.chunk(0), CHUNK - 1);
    refused(() -> put(seller.http(), uploadId, 0, shortChunk), 422, "chunk_length_mismatch");
    refused(() -> put(seller.http(), uploadId, 5, ciphertext.chunk(4)), 422, "chunk_index_out_of_range");
  }

  @Test
  void hidesAnotherAilocksUploadsAndProducts() {
    String uploadId = init().get("upload_id").asString();
    TestAilock stranger = TestAilock.register(port, clock);
    refused(() -> put(stranger.http(), uploadId, 0, ciphertext.chunk(0)), 404, "upload_not_found");
    refused(() -> stranger.http().getJson("products-upload-status", Map.of("upload_id", uploadId)), 404,
        "upload_not_found");
    refused(() -> stranger.http().postJson("products-upload-init",
        Map.of("product_id", productId, "ciphertext_length", ciphertext.length())), 404, "product_not_found");
    refused(() -> stranger.http().postJson("products-upload-complete", Map.of("upload_id", uploadId,
        "ciphertext_sha256", ciphertext.sha256(), "manifest", ciphertext.signedManifest(productId, stranger.keys()))),
        404, "upload_not_found");
  }

  @Test
  void expiresAnUnfinishedSessionAfterItsDeadline() {
    String uploadId = init().get("upload_id").asString();
    put(seller.http(), uploadId, 0, ciphertext.chunk(0));
    ((MutableClock) clock).advance(Duration.ofHours(25));
    refused(() -> put(seller.http(), uploadId, 1, ciphertext.chunk(1)), 410, "upload_expired");
    refused(() -> complete(uploadId, ciphertext.signedManifest(productId, seller.keys())), 410, "upload_expired");
    // Starting again gets a fresh session, even before the sweeper has run.
    JsonNode fresh = init();
    assertThat(fresh.get("upload_id").asString()).isNotEqualTo(uploadId);
    assertThat(fresh.get("received")).isEmpty();
  }

  @Test
  void refusesCompletionUntilEveryChunkIsPresentAndTheManifestAgrees() {
    String uploadId = init().get("upload_id").asString();
    for (int i = 0; i < ciphertext.chunkCount() - 1; i++) {
      put(seller.http(), uploadId, i, ciphertext.chunk(i));
    }
    ObjectNode manifest = ciphertext.signedManifest(productId, seller.keys());
    refused(() -> complete(uploadId, manifest), 409, "upload_incomplete");
    int last = ciphertext.chunkCount() - 1;
    put(seller.http(), uploadId, last, ciphertext.chunk(last));

    ObjectNode wrongLength = TestCiphertext.sign(manifest.deepCopy().put("ciphertext_length", 1), seller.keys());
    refused(() -> complete(uploadId, wrongLength), 422, "manifest_mismatch");
    ObjectNode tampered = manifest.deepCopy().put("created_at", "2030-01-01T00:00:00Z");
    refused(() -> complete(uploadId, tampered), 422, "signature_invalid");
    TestAilock other = TestAilock.register(port, clock);
    refused(() -> complete(uploadId, ciphertext.signedManifest(productId, other.keys())), 422, "signature_invalid");
    refused(() -> seller.http().postJson("products-upload-complete", Map.of("upload_id", uploadId,
        "ciphertext_sha256", "0".repeat(64), "manifest",
        TestCiphertext.sign(manifest.deepCopy().put("ciphertext_sha256", "0".repeat(64)), seller.keys()))),
        422, "ciphertext_hash_mismatch");
    assertThat(complete(uploadId, manifest).get("status").asString()).isEqualTo("ready");
  }

  @Test
  void refusesAnInitWhoseLengthIsNotTheEncryptedSize() {
    refused(() -> seller.http().postJson("products-upload-init",
        Map.of("product_id", productId, "ciphertext_length", ciphertext.length() + 1)), 422,
        "ciphertext_length_mismatch");
  }

  String uploadAll() {
    String uploadId = init().get("upload_id").asString();
    for (int i = 0; i < ciphertext.chunkCount(); i++) {
      put(seller.http(), uploadId, i, ciphertext.chunk(i));
    }
    return uploadId;
  }
}
