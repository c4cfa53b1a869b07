package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.SignedReceipt;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.schemas.CanonicalJson;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a schema-valid {@code ailock-receipt-v1} document into the facts the engine checks, with the bytes its
 * signature covers: the RFC 8785 form of the receipt as received, without {@code signature} (docs/crypto.md).
 */
public final class ReceiptReader {
  private ReceiptReader() {}

  public static SignedReceipt read(JsonNode receipt) {
    ObjectNode unsigned = ((ObjectNode) receipt).deepCopy();
    unsigned.remove("signature");
    try {
      return new SignedReceipt(receipt.get("transfer_id").asString(), receipt.get("manifest_sha256").asString(),
          receipt.get("client_hash").asString(), new KeyId(receipt.get("recipient_key_id").asString()),
          OffsetDateTime.parse(receipt.get("received_at").asString()).toInstant(), CanonicalJson.bytes(unsigned),
          Base64.getUrlDecoder().decode(receipt.get("signature").asString()), CanonicalJson.string(receipt));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.RECEIPT_INVALID, "the receipt is malformed");
    }
  }
}
