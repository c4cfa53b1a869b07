package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A verified receipt as kept ({@code dist_delivery_receipts}): plan §4's {@code client_hash}, {@code signature} and
 * {@code delivered_at}, with the manifest hash and key it names.
 *
 * @param signedAt the receipt's {@code received_at}
 * @param deliveredAt when the service accepted it
 * @param meta the receipt's RFC 8785 form ({@code receipt}) and the request's address and user agent
 */
public record StoredReceipt(UUID id, TransferId transfer, String clientHash, String manifestSha256, KeyId keyId,
    byte[] signature, Instant signedAt, Instant deliveredAt, Map<String, String> meta) {

  public StoredReceipt {
    signature = signature.clone();
    meta = Map.copyOf(meta);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
