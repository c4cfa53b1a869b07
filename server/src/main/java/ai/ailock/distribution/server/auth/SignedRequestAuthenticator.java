package ai.ailock.distribution.server.auth;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.Identities;
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
 * a nonce never seen before inside that window (kept in PostgreSQL, so it holds across instances). Public keys are
 * remembered after their first lookup ({@link SigningKeys}); the nonce is admitted in one statement with the check
 * that the key is still active, so a request costs one database round trip and a retired key stops at once.
 * Every failure is the same {@code unauthenticated} refusal, so a prober learns nothing about which check failed,
 * except a replay, reported as {@code replayed_request} once the signature has been verified.
 */
public final class SignedRequestAuthenticator {
  private static final int KNOWN_KEYS = 10_000;

  private final Identities identities;
  private final SigningKeys signingKeys;
  private final SignatureVerifier signatures;
  private final Clock clock;
  private final Duration window;

  public SignedRequestAuthenticator(Identities identities, SignatureVerifier signatures, Clock clock, Duration window) {
    this.identities = identities;
    this.signingKeys = new SigningKeys(identities, KNOWN_KEYS);
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
    SigningKeys.SigningKey key = signingKeys.find(new KeyId(credentials.keyId()))
        .orElseThrow(SignedRequestAuthenticator::unauthenticated);
    Instant now = verifySignature(request, credentials, key.ed25519Public());
    switch (identities.admitNonce(key.keyId(), credentials.nonce(), nonceExpiry(now))) {
      case ADMITTED:
        return new Caller(key.ailock(), key.keyId(), meta);
      case REPLAYED:
        throw replayed();
      default:
        throw unauthenticated(); // retired since it was remembered
    }
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
    Instant now = verifySignature(request, credentials, ed25519Public);
    if (!identities.rememberNonce(keyId, credentials.nonce(), nonceExpiry(now))) {
      throw replayed();
    }
    return keyId;
  }

  private RequestSigning.Credentials credentials(SignedRequest request) {
    return RequestSigning.parse(request.authorization()).orElseThrow(SignedRequestAuthenticator::unauthenticated);
  }

  /** Checks the time and the signature. @return now */
  private Instant verifySignature(SignedRequest request, RequestSigning.Credentials credentials,
      byte[] ed25519Public) {
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
    return now;
  }

  /** Nonces are kept for two windows: a request is refused by the clock check before its nonce could be forgotten. */
  private Instant nonceExpiry(Instant now) {
    return now.plus(window.multipliedBy(2));
  }

  private static DistributionException replayed() {
    return new DistributionException(ErrorCode.REPLAYED_REQUEST, "this request was already received");
  }

  private static DistributionException unauthenticated() {
    return new DistributionException(ErrorCode.UNAUTHENTICATED,
        "sign the request with a registered Ed25519 key (scheme Ailock-Ed25519)");
  }
}
