package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A claim token presented with a signed request, checked against the request's signer (design §3.5): the token must
 * be one the service signed and issued (its hash is on record) for this transfer, to the calling Ailock
 * ({@code sub}), bound to the very key that signed the request ({@code cnf.jkt}). The request's own signature, with
 * its one-time nonce, is the fresh proof of possession: a token alone, or replayed, fetches nothing.
 */
record PresentedClaim(ClaimToken token, Claim claim) {

  /**
   * @throws DistributionException {@code claim_invalid} (not ours, tampered, unknown, another transfer),
   *     {@code wrong_recipient} (issued to another Ailock, or bound to another key than the request's signer)
   */
  static PresentedClaim check(DeliveryPorts ports, Caller caller, TransferId transfer, String compact) {
    ClaimToken token = ports.tokens().read(compact);
    if (!token.transfer().equals(transfer)) {
      throw invalid();
    }
    if (!token.subject().equals(caller.ailock())) {
      throw new DistributionException(ErrorCode.WRONG_RECIPIENT, "the claim was issued to another Ailock");
    }
    IdentityKey signer = ports.identities().key(caller.keyId()).orElseThrow(PresentedClaim::invalid);
    if (!equal(KeyThumbprint.of(signer.ed25519Public()), token.keyThumbprint())) {
      throw new DistributionException(ErrorCode.WRONG_RECIPIENT,
          "the request is not signed by the key the claim is bound to");
    }
    Claim claim = ports.claims().find(token.jti()).orElseThrow(PresentedClaim::invalid);
    if (!equal(Tickets.hash(compact), claim.tokenSha256()) || !claim.transfer().equals(transfer)
        || !claim.recipient().equals(caller.ailock())) {
      throw invalid();
    }
    return new PresentedClaim(token, claim);
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  static DistributionException invalid() {
    return new DistributionException(ErrorCode.CLAIM_INVALID, "the claim token is not valid for this request");
  }
}
