package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Issued claims ({@code dist_claims}). Implementations are thread-safe. */
public interface Claims {

  void add(Claim claim);

  Optional<Claim> find(UUID jti);

  /**
   * Redeems the claim, once: a single atomic update that succeeds only while the claim is neither redeemed nor
   * revoked. Of any number of concurrent calls for one claim, exactly one returns true.
   */
  boolean redeem(UUID jti, Instant at);

  /** Revokes the transfer's claims not revoked yet. @return how many */
  int revokeAll(TransferId transfer, Instant at);
}
