package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;

/**
 * Signs and reads claim tokens. The adapter (JWTs signed by the service with EdDSA, rotatable keys named by
 * {@code kid}) lives outside the engine. Implementations are thread-safe.
 */
public interface ClaimTokens {

  /** A signed token and the id of the service key that signed it. The token is a secret: never log it. */
  record Issued(String token, String signingKid) {
    @Override
    public String toString() {
      return "Issued[signingKid=" + signingKid + "]";
    }
  }

  /** Signs {@code claim} with the current signing key. */
  Issued issue(ClaimToken claim);

  /**
   * Reads a token the service signed: a known {@code kid} (current or previous key), algorithm EdDSA only, a
   * signature that verifies strictly, the expected type, issuer and audience, and well-formed claims. Expiry is
   * not checked here: the caller decides (a redeemed claim's session outlives its token).
   *
   * @throws DistributionException {@code claim_invalid} for anything else, without saying what
   */
  ClaimToken read(String token);
}
