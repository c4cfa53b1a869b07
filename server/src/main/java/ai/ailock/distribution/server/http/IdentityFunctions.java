package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.RegisterIdentity;
import ai.ailock.distribution.schemas.WireSchema;
import ai.ailock.distribution.server.auth.SignedRequestAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code identities-register} and {@code identities-get}: an Ailock's public keys. */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class IdentityFunctions {
  private final RequestGate gate;
  private final SignedRequestAuthenticator authenticator;
  private final RegisterIdentity registerIdentity;
  private final Identities identities;

  IdentityFunctions(RequestGate gate, SignedRequestAuthenticator authenticator, RegisterIdentity registerIdentity,
      Identities identities) {
    this.gate = gate;
    this.authenticator = authenticator;
    this.registerIdentity = registerIdentity;
    this.identities = identities;
  }

  record Registered(String ailockId, String keyId, Instant createdAt) {}

  record PublicKeys(String ailockId, String keyId, String ed25519PublicKey, String x25519PublicKey,
      String x25519Signature) {
    static PublicKeys of(IdentityKey key) {
      var b64 = Base64.getUrlEncoder().withoutPadding();
      return new PublicKeys(key.ailock().value(), key.keyId().value(), b64.encodeToString(key.ed25519Public()),
          b64.encodeToString(key.x25519Public()), b64.encodeToString(key.x25519Signature()));
    }
  }

  /** Registers the keys in the body; the request must be signed by the Ed25519 key it registers. */
  @PostMapping("/identities-register")
  Registered register(HttpServletRequest request) {
    RequestGate.SelfSigned registration = gate.selfSignedJson(request, WireSchema.IDENTITY_REGISTRATION);
    JsonNode body = registration.body();
    byte[] ed25519 = decode(body, "ed25519_public_key");
    authenticator.authenticateNewKey(registration.signed(), ed25519);
    IdentityKey key = registerIdentity.register(ed25519, decode(body, "x25519_public_key"),
        decode(body, "x25519_signature"), RequestMetas.of(request));
    return new Registered(key.ailock().value(), key.keyId().value(), key.createdAt());
  }

  /** Another Ailock's current public keys, to seal envelopes to it and verify what it signs. */
  @GetMapping("/identities-get")
  PublicKeys get(HttpServletRequest request, @RequestParam("ailock_id") String ailockId) {
    gate.authenticate(request);
    AilockId id;
    try {
      id = new AilockId(ailockId);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "malformed ailock_id");
    }
    return identities.activeKey(id).map(PublicKeys::of)
        .orElseThrow(() -> new DistributionException(ErrorCode.AILOCK_NOT_FOUND, "no such Ailock"));
  }

  private static byte[] decode(JsonNode body, String field) {
    return Base64.getUrlDecoder().decode(body.get(field).asString());
  }
}
