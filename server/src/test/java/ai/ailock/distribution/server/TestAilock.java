package ai.ailock.distribution.server;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An Ailock with fresh keys talking to the server under test. */
public record TestAilock(AilockKeys keys, SignedHttp http, String ailockId) {

  /** Generates keys and registers them. */
  public static TestAilock register(int port, Clock clock) {
    var keys = AilockKeys.generate();
    var http = new SignedHttp(URI.create("http://127.0.0.1:" + port + "/.netlify/functions"), keys, clock);
    var b64 = Base64.getUrlEncoder().withoutPadding();
    JsonNode registered = http.postJson("identities-register", Map.of(
        "ed25519_public_key", b64.encodeToString(keys.signing().publicKey()),
        "x25519_public_key", b64.encodeToString(keys.encryption().publicKey()),
        "x25519_signature", b64.encodeToString(keys.x25519Binding())));
    return new TestAilock(keys, http, registered.get("ailock_id").asString());
  }

  /** Creates a draft product of {@code size} plaintext bytes. @return its id */
  public String createProduct(long size) {
    return http.postJson("products-create", Map.of("title", "Test product", "content_type",
        "application/octet-stream", "size", size)).get("product_id").asString();
  }
}
