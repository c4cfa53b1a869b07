package ai.ailock.distribution.server.auth;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.identity.SignatureVerifier;
import ai.ailock.distribution.schemas.RequestSigning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Verifies {@code Ailock-Ed25519} request signatures (docs/api.md, "Authentication"): a registered, active key;
 * a signature over method, path, query, body hash, time, nonce and key id; a time within the replay window;
 * a nonce never seen before inside that window (kept in PostgreSQL, so it holds across instances).
 * Every failure is the same {@code unauthenticated} refusal, so a prober learns nothing about which check failed,
 * except a replay, reported as {@code replayed_request} once the signature has been verified.
 */
public final class SignedRequestAuthenticator {
  private final Identities identities;
  private final SignatureVerifier signatures;
  private final Clock clock;
  private final Duration window;

  public SignedRequestAuthenticator(Identities identities, SignatureVerifier signatures, Clock clock, Duration window) {
    this.identities = identities;
    this.signatures = signatures;
    this.clock = clock;
    this.window = window;
  }

  /** What the request says about itself, taken from its line and headers. */
  public record SignedRequest(String method, String path, String rawQuery, String contentSha256,
      String authorization) {}

  /** Authenticates a request signed by a registered key. */
  public Caller authenticate(SignedRequest request, RequestMeta meta) {
    RequestSigning.Credentials credentials = credentials(request);
    IdentityKey key = identities.key(new KeyId(credentials.keyId()))
        .filter(IdentityKey::active)
        .orElseThrow(SignedRequestAuthenticator::unauthenticated);
    verify(request, credentials, key.ed25519Public());
    return new Caller(key.ailock(), key.keyId(), meta);
  }

  /**
   * Verifies a request signed by a key that is not registered yet (registration proves possession of the key).
   *
   * @return the key id of {@code ed25519Public}
   */
  public KeyId authenticateNewKey(SignedRequest request, byte[] ed25519Public) {
    RequestSigning.Credentials credentials = credentials(request);
    KeyId keyId = KeyId.of(ed25519Public);
    if (!keyId.value().equals(credentials.keyId())) {
      throw unauthenticated();
    }
    verify(request, credentials, ed25519Public);
    return keyId;
  }

  private RequestSigning.Credentials credentials(SignedRequest request) {
    return RequestSigning.parse(request.authorization()).orElseThrow(SignedRequestAuthenticator::unauthenticated);
  }

  private void verify(SignedRequest request, RequestSigning.Credentials credentials, byte[] ed25519Public) {
    Instant now = clock.instant();
    Instant created = Instant.ofEpochSecond(credentials.created());
    if (Duration.between(created, now).abs().compareTo(window) > 0) {
      throw unauthenticated();
    }
    byte[] signed = RequestSigning.stringToSign(request.method(), request.path(), request.rawQuery(),
        request.contentSha256(), credentials.created(), credentials.nonce(), credentials.keyId());
    if (!signatures.verify(ed25519Public, signed, Base64.getUrlDecoder().decode(credentials.signature()))) {
      throw unauthenticated();
    }
    // Kept for two windows: a request is refused by the clock check before its nonce could be forgotten.
    if (!identities.rememberNonce(new KeyId(credentials.keyId()), credentials.nonce(), now.plus(window.multipliedBy(2)))) {
      throw new DistributionException(ErrorCode.REPLAYED_REQUEST, "this request was already received");
    }
  }

  private static DistributionException unauthenticated() {
    return new DistributionException(ErrorCode.UNAUTHENTICATED,
        "sign the request with a registered Ed25519 key (scheme Ailock-Ed25519)");
  }
}
