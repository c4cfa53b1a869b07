package ai.ailock.distribution.client.identity;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.manifest.ManifestParser;

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

  /**
   * One of an Ailock's keys, active or retired ({@code identities-get} lists them all): to verify what that key
   * signed, such as a manifest signed before the seller rotated its keys.
   *
   * @throws ai.ailock.distribution.client.http.DistributionApiException {@code ailock_not_found} if unknown
   * @throws java.util.NoSuchElementException if the Ailock never had that key
   */
  PublicIdentity lookupKey(String ailockId, String keyId);

  /**
   * The registered key that signed a manifest ({@code seller_key_id}: current or retired), its binding checked: the
   * key to verify that manifest with.
   *
   * @throws java.security.GeneralSecurityException if the manifest is malformed or the key's binding does not verify
   */
  default PublicIdentity signerOf(String sellerId, byte[] manifest) throws java.security.GeneralSecurityException {
    PublicIdentity signer = lookupKey(sellerId, ManifestParser.parse(manifest).sellerKeyId());
    signer.verifyBinding();
    return signer;
  }

  /**
   * Replaces this Ailock's active keys (the ones signing the request) with {@code next}
   * ({@code identities-rotate}); the old key is retired.
   *
   * @param ailockId this Ailock's id (its first key's id)
   * @throws ai.ailock.distribution.client.http.DistributionApiException if refused, e.g. {@code key_conflict}
   */
  Registration rotate(String ailockId, AilockKeys next);
}
