package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.transfer.Transfer;
import java.time.Instant;

/**
 * What a buyer needs to download a delivered transfer (plan §7.4, "delivery ticket"): the key envelope sealed to
 * its X25519 key, and a fresh claim token bound to its Ed25519 key. The token is a secret: never log it.
 *
 * @param seller whose manifest signature the buyer must check (its key from {@code identities-get})
 * @param manifestSha256 the hash of the manifest the receipt will name
 * @param downloadsUsed completed downloads so far
 */
public record DeliveryTicket(Transfer transfer, ProductId product, AilockId seller, String manifestSha256,
    byte[] keyEnvelope, KeyId recipientKeyId, String claimToken, Instant claimExpiresAt,
    int downloadLimit, int downloadsUsed) {

  public DeliveryTicket {
    keyEnvelope = keyEnvelope.clone();
  }

  @Override
  public byte[] keyEnvelope() {
    return keyEnvelope.clone();
  }

  @Override
  public String toString() {
    return "DeliveryTicket[transfer=" + transfer.id() + ", claimExpiresAt=" + claimExpiresAt + "]";
  }
}
