package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One claim token issued to a transfer's buyer ({@code dist_claims}). Only the token's SHA-256 is kept, never the
 * token. A claim is redeemed at most once, by the single atomic update that opens its download session.
 *
 * @param jti the token's {@code jti}
 * @param recipientKeyId the buyer's key the token is bound to ({@code cnf})
 * @param tokenSha256 lowercase hex SHA-256 of the compact token
 * @param signingKid the service key that signed the token
 */
public record Claim(UUID jti, TransferId transfer, AilockId recipient, KeyId recipientKeyId, String tokenSha256,
    String signingKid, Instant issuedAt, Instant expiresAt, @Nullable Instant redeemedAt,
    @Nullable Instant revokedAt) {

  public boolean redeemed() {
    return redeemedAt != null;
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
