package ai.ailock.distribution.client.delivery;

import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * A delivery ticket ({@code products-grant}, {@code products-ticket}): the key envelope sealed to the buyer and a
 * short-lived, one-time claim token bound to the buyer's signing key. The token is a secret: it is never printed.
 *
 * @param seller the seller's Ailock id, whose signature the manifest must carry
 * @param manifestSha256 the hash of the manifest a receipt will name
 * @param downloadsCompleted completed downloads so far, of {@code downloadLimit}
 */
public record Ticket(String transferId, String productId, String state, String seller, String manifestSha256,
    byte[] keyEnvelope, String recipientKeyId, String claimToken, Instant claimExpiresAt, int downloadLimit,
    int downloadsCompleted) {

  public Ticket {
    keyEnvelope = keyEnvelope.clone();
  }

  @Override
  public byte[] keyEnvelope() {
    return keyEnvelope.clone();
  }

  static Ticket of(JsonNode json) {
    return new Ticket(json.path("transfer_id").asString(), json.path("product_id").asString(),
        json.path("state").asString(), json.path("seller").asString(), json.path("manifest_sha256").asString(),
        Base64.getUrlDecoder().decode(json.path("key_envelope").asString()), json.path("recipient_key_id").asString(),
        json.path("claim_token").asString(), Instant.parse(json.path("claim_expires_at").asString()),
        json.path("download_limit").asInt(), json.path("downloads_completed").asInt());
  }

  @Override
  public String toString() {
    return "Ticket[transfer=" + transferId + ", state=" + state + ", claimExpiresAt=" + claimExpiresAt + "]";
  }
}
