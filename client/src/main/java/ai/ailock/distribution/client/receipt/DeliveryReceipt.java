package ai.ailock.distribution.client.receipt;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.SignedJson;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.security.SignatureException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A delivery receipt (format {@code ailock-receipt-v1}; docs/crypto.md, "Receipts"): the recipient states, with
 * its Ed25519 key, that for transfer {@code transferId} it received the product described by the manifest whose
 * RFC 8785 form hashes to {@code manifestSha256}, and that the decrypted plaintext hashes to {@code clientHash}.
 * The signature covers the RFC 8785 form of the receipt without its {@code signature} member. Immutable and
 * thread-safe.
 *
 * @param transferId the transfer's id
 * @param manifestSha256 lowercase hex SHA-256 of the manifest's RFC 8785 form ({@code X-Manifest-SHA256})
 * @param clientHash lowercase hex SHA-256 of the decrypted plaintext, as verified against the metadata
 * @param recipientKeyId id of the recipient's Ed25519 key that signs
 * @param receivedAt RFC 3339 date-time (UTC, whole seconds), kept exactly as signed
 * @param signature base64url (no padding) of the 64-byte Ed25519 signature
 */
public record DeliveryReceipt(String transferId, String manifestSha256, String clientHash, String recipientKeyId,
    String receivedAt, String signature) {

  public static final String FORMAT = "ailock-receipt-v1";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{86}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Set<String> MEMBERS = Set.of("format", "transfer_id", "manifest_sha256", "client_hash",
      "recipient_key_id", "received_at", "signature");

  /** @throws IllegalArgumentException if a member is malformed */
  public DeliveryReceipt {
    require(ID.matcher(transferId).matches(), "transfer_id must be 1-128 characters of [A-Za-z0-9._-]");
    require(SHA256.matcher(manifestSha256).matches(), "manifest_sha256 must be 64 lowercase hex digits");
    require(SHA256.matcher(clientHash).matches(), "client_hash must be 64 lowercase hex digits");
    require(KEY_ID.matcher(recipientKeyId).matches(), "recipient_key_id must be 32 lowercase hex digits");
    require(signature.isEmpty() || SIGNATURE.matcher(signature).matches(), "signature must be 86 base64url chars");
    try {
      OffsetDateTime.parse(receivedAt);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("received_at must be an RFC 3339 date-time");
    }
  }

  /**
   * Builds and signs a receipt with the recipient's keys.
   *
   * @param receivedAt when the plaintext was verified; stored as whole seconds in UTC
   */
  public static DeliveryReceipt sign(String transferId, String manifestSha256, String clientHash,
      Instant receivedAt, AilockKeys recipient) {
    var unsigned = new DeliveryReceipt(transferId, manifestSha256, clientHash, recipient.keyId(),
        receivedAt.truncatedTo(ChronoUnit.SECONDS).toString(), "");
    byte[] signature = recipient.sign(unsigned.signedBytes());
    return new DeliveryReceipt(transferId, manifestSha256, clientHash, recipient.keyId(), unsigned.receivedAt,
        Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
  }

  /**
   * Checks the recipient's signature and that {@code recipient_key_id} names the key.
   *
   * @throws SignatureException if unsigned, signed by another key, or the signature does not verify
   */
  public void verify(byte[] recipientEd25519PublicKey) throws SignatureException {
    SignedJson.verify("receipt", recipientEd25519PublicKey, recipientKeyId, signature, signedBytes());
  }

  /** @return the bytes the signature covers: RFC 8785 form without {@code signature} */
  public byte[] signedBytes() {
    return SignedJson.signedBytes(toJson());
  }

  /** @return the RFC 8785 form of the signed receipt, as sent to the service */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toJson());
  }

  /** @return the receipt as a JSON object */
  public ObjectNode toJson() {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("transfer_id", transferId);
    json.put("manifest_sha256", manifestSha256);
    json.put("client_hash", clientHash);
    json.put("recipient_key_id", recipientKeyId);
    json.put("received_at", receivedAt);
    json.put("signature", signature);
    return json;
  }

  /**
   * Reads a receipt (exactly the members above, all strings). Does not verify it: call {@link #verify}.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed receipt
   */
  public static DeliveryReceipt parse(byte[] json) {
    JsonNode node = SignedJson.readStrings("receipt", json, MEMBERS, FORMAT);
    return new DeliveryReceipt(node.get("transfer_id").asString(), node.get("manifest_sha256").asString(),
        node.get("client_hash").asString(), node.get("recipient_key_id").asString(),
        node.get("received_at").asString(), node.get("signature").asString());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
