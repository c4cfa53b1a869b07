package ai.ailock.distribution.it;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Drives the data plane with pre-made ciphertext (no encryption on the client): register, create, upload every
 * chunk with a few in flight, complete, and download every chunk back. Measures the service, not the SDK.
 */
public final class RawUpload {
  private final SignedHttp http;
  private final AilockKeys keys;
  private final String ailockId;

  /** Registers a fresh seller Ailock with the service at {@code functions}. */
  public RawUpload(URI functions) {
    this.keys = AilockKeys.generate();
    this.http = new SignedHttp(functions, keys);
    var b64 = Base64.getUrlEncoder().withoutPadding();
    this.ailockId = http.postJson("identities-register", Map.of(
        "ed25519_public_key", b64.encodeToString(keys.signing().publicKey()),
        "x25519_public_key", b64.encodeToString(keys.encryption().publicKey()),
        "x25519_signature", b64.encodeToString(keys.x25519Binding()))).get("ailock_id").asString();
  }

  /** The seller's keys. */
  public AilockKeys keys() {
    return keys;
  }

  /** The seller's Ailock id. */
  public String ailockId() {
    return ailockId;
  }

  /** The seller's signed HTTP client. */
  public SignedHttp http() {
    return http;
  }

  /** Where chunk bytes come from: writes chunk {@code index} into {@code buffer} and returns its length. */
  public interface ChunkSource {
    int fill(int index, byte[] buffer);
  }

  /** Creates a product for {@code ciphertext}, uploads and completes it. @return the product id */
  public String upload(long plaintextSize, GeneratedCiphertext ciphertext, int inFlight) {
    return upload(plaintextSize, ciphertext, ciphertext::fill, inFlight);
  }

  /** Same, reading the chunks' bytes from {@code source} (which must hold the same bytes). */
  public String upload(long plaintextSize, GeneratedCiphertext ciphertext, ChunkSource source, int inFlight) {
    String productId = http.postJson("products-create", Map.of("title", "generated", "content_type",
        "application/octet-stream", "size", plaintextSize)).get("product_id").asString();
    JsonNode upload = http.postJson("products-upload-init", Map.of("product_id", productId,
        "ciphertext_length", ciphertext.length(), "chunk_size", ciphertext.chunkSize()));
    String uploadId = upload.get("upload_id").asString();
    var next = new AtomicInteger();
    Parallel.run(inFlight, () -> {
      byte[] buffer = new byte[ciphertext.chunkSize()];
      for (int i; (i = next.getAndIncrement()) < ciphertext.chunkCount(); ) {
        int n = source.fill(i, buffer);
        http.postBytes("products-upload-chunk", Map.of("upload_id", uploadId, "index", Integer.toString(i)),
            buffer, 0, n, ciphertext.chunkSha256(i));
      }
    });
    http.postJson("products-upload-complete", Map.of("upload_id", uploadId,
        "ciphertext_sha256", ciphertext.sha256(), "manifest", ciphertext.signedManifest(productId, keys)));
    return productId;
  }

  /** Downloads every chunk, checking each one's hash. @return the bytes received */
  public long download(String productId, GeneratedCiphertext ciphertext, int inFlight) {
    return download(productId, ciphertext, inFlight, true);
  }

  /**
   * @param hashBodies false to only count the bytes and check the hash the service announces (benchmarks of
   *     the service, not of the client's SHA-256)
   */
  public long download(String productId, GeneratedCiphertext ciphertext, int inFlight, boolean hashBodies) {
    var next = new AtomicInteger();
    var received = new AtomicLong();
    Parallel.run(inFlight, () -> {
      byte[] buffer = new byte[256 * 1024];
      for (int i; (i = next.getAndIncrement()) < ciphertext.chunkCount(); ) {
        SignedHttp.Response chunk = http.get("products-download-chunk",
            Map.of("product_id", productId, "index", Integer.toString(i)), Map.of());
        MessageDigest digest = sha256();
        try (InputStream body = chunk.body()) {
          for (int n; (n = body.read(buffer)) != -1; ) {
            if (hashBodies) {
              digest.update(buffer, 0, n);
            }
            received.addAndGet(n);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        String hash = hashBodies ? HexFormat.of().formatHex(digest.digest())
            : chunk.headers().firstValue("X-Content-SHA256").orElse("");
        if (!hash.equals(ciphertext.chunkSha256(i))) {
          throw new IllegalStateException("chunk " + i + " came back different");
        }
      }
    });
    return received.get();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
