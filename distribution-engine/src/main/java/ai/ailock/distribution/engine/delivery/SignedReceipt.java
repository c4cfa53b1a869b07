package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.identity.KeyId;
import java.time.Instant;

/**
 * A buyer's delivery receipt (format {@code ailock-receipt-v1}, docs/crypto.md "Receipts") as the engine checks it,
 * with the exact bytes its signature covers.
 *
 * @param transferId the receipt's {@code transfer_id} as written (checked against the transfer acknowledged)
 * @param receivedAt its {@code received_at}
 * @param signedBytes RFC 8785 form of the receipt without {@code signature}
 * @param signature the 64-byte Ed25519 signature
 * @param canonicalJson RFC 8785 form of the whole receipt, kept as evidence
 */
public record SignedReceipt(String transferId, String manifestSha256, String clientHash, KeyId recipientKeyId,
    Instant receivedAt, byte[] signedBytes, byte[] signature, String canonicalJson) {

  public SignedReceipt {
    signedBytes = signedBytes.clone();
    signature = signature.clone();
  }

  @Override
  public byte[] signedBytes() {
    return signedBytes.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
