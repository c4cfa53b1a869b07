package ai.ailock.distribution.client.identity;

import ai.ailock.distribution.client.AilockKeys;

/**
 * The service's identity functions, as the SDK needs them. Implementations are thread-safe.
 *
 * @see HttpIdentities
 */
public interface Identities {

  /**
   * Registers the public halves of {@code keys} ({@code identities-register}, signed by the key registered).
   * Idempotent: the same keys again return the same registration.
   *
   * @throws ai.ailock.distribution.client.http.DistributionApiException if refused, e.g. {@code key_conflict}
   */
  Registration register(AilockKeys keys);

  /**
   * Another Ailock's current public keys ({@code identities-get}). The caller verifies the binding
   * ({@link PublicIdentity#verifyBinding()}) before sealing to the X25519 key.
   *
   * @throws ai.ailock.distribution.client.http.DistributionApiException {@code ailock_not_found} if unknown
   */
  PublicIdentity lookup(String ailockId);
}
