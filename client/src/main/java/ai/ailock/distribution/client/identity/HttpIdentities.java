package ai.ailock.distribution.client.identity;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.SignedHttp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
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
    return new Registration(answer.path("ailock_id").asString(), answer.path("key_id").asString(),
        Instant.parse(answer.path("created_at").asString()));
  }

  @Override
  public PublicIdentity lookup(String ailockId) {
    JsonNode answer = http.getJson("identities-get", Map.of("ailock_id", ailockId));
    if (!ailockId.equals(answer.path("ailock_id").asString())) {
      throw new IllegalStateException("identities-get answered for another Ailock than " + ailockId);
    }
    var b64 = Base64.getUrlDecoder();
    return new PublicIdentity(answer.path("ailock_id").asString(), answer.path("key_id").asString(),
        b64.decode(answer.path("ed25519_public_key").asString()),
        b64.decode(answer.path("x25519_public_key").asString()),
        b64.decode(answer.path("x25519_signature").asString()));
  }
}
