package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.RegisterIdentity;
import ai.ailock.distribution.engine.identity.RotateKey;
import ai.ailock.distribution.schemas.WireSchema;
import ai.ailock.distribution.server.auth.SignedRequestAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code identities-register}, {@code identities-rotate} and {@code identities-get}: an Ailock's public keys. */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class IdentityFunctions {
  private final RequestGate gate;
  private final SignedRequestAuthenticator authenticator;
  private final RegisterIdentity registerIdentity;
  private final RotateKey rotateKey;
  private final Identities identities;

  IdentityFunctions(RequestGate gate, SignedRequestAuthenticator authenticator, RegisterIdentity registerIdentity,
      RotateKey rotateKey, Identities identities) {
    this.gate = gate;
    this.authenticator = authenticator;
    this.registerIdentity = registerIdentity;
    this.rotateKey = rotateKey;
    this.identities = identities;
  }

  record Registered(String ailockId, String keyId, Instant createdAt) {}

  /** The active key at the top level (what to seal to), and every key the Ailock has had (what to verify with). */
  record PublicKeys(String ailockId, String keyId, String ed25519PublicKey, String x25519PublicKey,
      String x25519Signature, List<KeyRecord> keys) {
    static PublicKeys of(IdentityKey active, List<IdentityKey> all) {
      KeyRecord current = KeyRecord.of(active);
      return new PublicKeys(active.ailock().value(), current.keyId(), current.ed25519PublicKey(),
          current.x25519PublicKey(), current.x25519Signature(), all.stream().map(KeyRecord::of).toList());
    }
  }

  record KeyRecord(String keyId, String ed25519PublicKey, String x25519PublicKey, String x25519Signature,
      String status, Instant createdAt, @Nullable Instant retiredAt) {
    static KeyRecord of(IdentityKey key) {
      var b64 = Base64.getUrlEncoder().withoutPadding();
      return new KeyRecord(key.keyId().value(), b64.encodeToString(key.ed25519Public()),
          b64.encodeToString(key.x25519Public()), b64.encodeToString(key.x25519Signature()),
          key.active() ? "active" : "retired", key.createdAt(), key.retiredAt());
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

  /**
   * Replaces the caller's active key pair (the request is signed by it) with the one in the body; the old key is
   * retired: it verifies what it signed, and authenticates nothing any more.
   */
  @PostMapping("/identities-rotate")
  Registered rotate(HttpServletRequest request) {
    RequestGate.Json rotation = gate.json(request, WireSchema.IDENTITY_ROTATION);
    JsonNode body = rotation.body();
    IdentityKey key = rotateKey.rotate(rotation.caller(), decode(body, "ed25519_public_key"),
        decode(body, "x25519_public_key"), decode(body, "x25519_signature"), decode(body, "rotation_signature"));
    return new Registered(key.ailock().value(), key.keyId().value(), key.createdAt());
  }

  /** Another Ailock's public keys: the active one to seal envelopes to, and all of them to verify what it signed. */
  @GetMapping("/identities-get")
  PublicKeys get(HttpServletRequest request, @RequestParam("ailock_id") String ailockId) {
    gate.authenticate(request);
    AilockId id;
    try {
      id = new AilockId(ailockId);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "malformed ailock_id");
    }
    IdentityKey active = identities.activeKey(id)
        .orElseThrow(() -> new DistributionException(ErrorCode.AILOCK_NOT_FOUND, "no such Ailock"));
    return PublicKeys.of(active, identities.keys(id));
  }

  private static byte[] decode(JsonNode body, String field) {
    return Base64.getUrlDecoder().decode(body.get(field).asString());
  }
}
