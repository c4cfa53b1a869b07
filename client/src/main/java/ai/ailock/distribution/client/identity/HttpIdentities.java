package ai.ailock.distribution.client.identity;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.databind.JsonNode;

/** {@link Identities} over the service's signed HTTP functions. Thread-safe. */
public final class HttpIdentities implements Identities {
  private final SignedHttp http;

  /** @param http signs as the Ailock whose keys are registered or that looks others up */
  public HttpIdentities(SignedHttp http) {
    this.http = http;
  }

  @Override
  public Registration register(AilockKeys keys) {
    if (!keys.keyId().equals(http.keys().keyId())) {
      throw new IllegalArgumentException("identities-register must be signed by the key it registers");
    }
    var b64 = Base64.getUrlEncoder().withoutPadding();
    JsonNode answer = http.postJson("identities-register", Map.of(
        "ed25519_public_key", b64.encodeToString(keys.signing().publicKey()),
        "x25519_public_key", b64.encodeToString(keys.encryption().publicKey()),
        "x25519_signature", b64.encodeToString(keys.x25519Binding())));
    return registration(answer);
  }

  @Override
  public PublicIdentity lookup(String ailockId) {
    return identity(ailockId, get(ailockId));
  }

  @Override
  public PublicIdentity lookupKey(String ailockId, String keyId) {
    for (JsonNode key : get(ailockId).path("keys")) {
      if (keyId.equals(key.path("key_id").asString())) {
        return identity(ailockId, key);
      }
    }
    throw new NoSuchElementException("Ailock " + ailockId + " never had key " + keyId);
  }

  @Override
  public Registration rotate(String ailockId, AilockKeys next) {
    var b64 = Base64.getUrlEncoder().withoutPadding();
    String retiring = http.keys().keyId();
    byte[] statement = ("ailock-e2ee-v1:key-rotation:" + ailockId + ":" + retiring).getBytes(StandardCharsets.US_ASCII);
    JsonNode answer = http.postJson("identities-rotate", Map.of(
        "ed25519_public_key", b64.encodeToString(next.signing().publicKey()),
        "x25519_public_key", b64.encodeToString(next.encryption().publicKey()),
        "x25519_signature", b64.encodeToString(next.x25519Binding()),
        "rotation_signature", b64.encodeToString(next.sign(statement))));
    return registration(answer);
  }

  private JsonNode get(String ailockId) {
    JsonNode answer = http.getJson("identities-get", Map.of("ailock_id", ailockId));
    if (!ailockId.equals(answer.path("ailock_id").asString())) {
      throw new IllegalStateException("identities-get answered for another Ailock than " + ailockId);
    }
    return answer;
  }

  private static PublicIdentity identity(String ailockId, JsonNode key) {
    var b64 = Base64.getUrlDecoder();
    return new PublicIdentity(ailockId, key.path("key_id").asString(),
        b64.decode(key.path("ed25519_public_key").asString()), b64.decode(key.path("x25519_public_key").asString()),
        b64.decode(key.path("x25519_signature").asString()));
  }

  private static Registration registration(JsonNode answer) {
    return new Registration(answer.path("ailock_id").asString(), answer.path("key_id").asString(),
        Instant.parse(answer.path("created_at").asString()));
  }
}
