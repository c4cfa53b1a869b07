package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.UUID;

/**
 * What a claim token states (docs/delivery.md, "Claim tokens"): its id, the transfer, the recipient Ailock
 * ({@code sub}), the recipient's Ed25519 key ({@code cnf.jkt}, an RFC 7638 thumbprint, see {@link KeyThumbprint})
 * and its lifetime.
 */
public record ClaimToken(UUID jti, TransferId transfer, AilockId subject, String keyThumbprint, Instant issuedAt,
    Instant expiresAt) {

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
