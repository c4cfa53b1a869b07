package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Supplies the Cobblestone-256 input key of a product version: from the owner's
 * {@link ai.ailock.distribution.client.keystore.ProductKeyring}, or from a key envelope opened with
 * {@link ai.ailock.distribution.client.envelope.KeyEnvelopes#open}.
 */
@FunctionalInterface
public interface ContentKeys {

  /**
   * @return the 32-byte input key; the caller clears it after use
   * @throws GeneralSecurityException if there is no key for this product version or it cannot be opened
   */
  byte[] inputKey(String productId, int version) throws IOException, GeneralSecurityException;
}
