package ai.ailock.distribution.client.personalize;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.SignedJson;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A license (format {@code ailock-license-v1}): the seller states, with its Ed25519 key, that the Ailock
 * {@code buyer} bought product {@code productId} ({@code title}) from the Ailock {@code seller} in transfer
 * {@code transferId} at {@code purchasedAt}, under {@code terms}. Every personalized copy carries it
 * ({@link PersonalizedArchive}), so a leaked copy names its purchase ({@link LeakTrace}). The signature covers the
 * RFC 8785 form of the license without its {@code signature} member. Ed25519 signing is deterministic: the same
 * members and key give the same license, byte for byte, so a retried personalization reproduces the same copy.
 * Immutable and thread-safe.
 *
 * <p>Every member is bounded so that the whole license, base64url encoded, fits a ZIP archive comment.
 *
 * @param licenseId a UUID in its lowercase canonical form
 * @param productId the source product's id
 * @param transferId the transfer the copy is made for
 * @param buyer the buyer's Ailock id
 * @param seller the seller's Ailock id
 * @param title the product's title: 1 to 300 characters, no control characters
 * @param purchasedAt RFC 3339 date-time in UTC, whole seconds ({@code 2026-03-04T05:06:07Z}), kept exactly as signed
 * @param paymentRef the payment provider's reference, or empty: at most 255 characters, no control characters
 * @param terms the license terms: 1 to 4000 characters, no control characters other than LF and TAB
 * @param sellerKeyId id of the seller's Ed25519 key that signs
 * @param signature base64url (no padding) of the 64-byte Ed25519 signature, or empty while unsigned
 */
public record License(String licenseId, String productId, String transferId, String buyer, String seller,
    String title, String purchasedAt, String paymentRef, String terms, String sellerKeyId, String signature) {

  public static final String FORMAT = "ailock-license-v1";
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9_-]{86}");
  private static final Pattern WHOLE_SECONDS_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final Set<String> MEMBERS = Set.of("format", "license_id", "product_id", "transfer_id", "buyer",
      "seller", "title", "purchased_at", "payment_ref", "terms", "seller_key_id", "signature");
  private static final String DEFAULT_TERMS = """
      The buyer named in this license (the licensee) may use, copy and modify this product within a single \
      organization: the licensee's own, including its employees, its contractors working for it and the Ailocks \
      acting on its behalf, for that organization's own purposes.
      The licensee may not redistribute, resell, sublicense, publish or otherwise share this product or any \
      modified version of it with anyone outside that organization.
      All other rights are reserved by the seller. The product is provided as is, without warranty of any kind, \
      to the extent the law allows.""";

  /** @throws IllegalArgumentException if a member is malformed or out of bounds (see the parameters) */
  public License {
    require(UUID_FORM.matcher(licenseId).matches(), "license_id must be a lowercase UUID");
    require(ID.matcher(productId).matches(), "product_id must be 1-128 characters of [A-Za-z0-9._-]");
    require(ID.matcher(transferId).matches(), "transfer_id must be 1-128 characters of [A-Za-z0-9._-]");
    require(ID.matcher(buyer).matches(), "buyer must be 1-128 characters of [A-Za-z0-9._-]");
    require(ID.matcher(seller).matches(), "seller must be 1-128 characters of [A-Za-z0-9._-]");
    require(!title.isEmpty() && title.length() <= 300 && noControlCharacters(title, ""),
        "title must have 1 to 300 characters and no control characters");
    require(paymentRef.length() <= 255 && noControlCharacters(paymentRef, ""),
        "payment_ref must have at most 255 characters and no control characters");
    require(!terms.isEmpty() && terms.length() <= 4000 && noControlCharacters(terms, "\n\t"),
        "terms must have 1 to 4000 characters and no control characters but LF and TAB");
    require(KEY_ID.matcher(sellerKeyId).matches(), "seller_key_id must be 32 lowercase hex digits");
    require(signature.isEmpty() || SIGNATURE.matcher(signature).matches(), "signature must be 86 base64url chars");
    require(WHOLE_SECONDS_UTC.matcher(purchasedAt).matches(), "purchased_at must be UTC whole seconds, ending in Z");
    try {
      Instant.parse(purchasedAt);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("purchased_at must be an RFC 3339 date-time");
    }
  }

  /**
   * Builds and signs a license with the seller's keys. Deterministic: a retry with the same arguments (the same
   * {@code licenseId} included) gives an equal license.
   *
   * @param purchasedAt when the purchase was paid; stored as whole seconds in UTC
   * @param paymentRef the payment provider's reference, or empty
   * @param terms the license terms, e.g. {@link #defaultTerms()}
   * @throws IllegalArgumentException if a member is malformed (see the record's parameters)
   */
  public static License sign(UUID licenseId, String productId, String transferId, String buyer, String seller,
      String title, Instant purchasedAt, String paymentRef, String terms, AilockKeys sellerKeys) {
    var unsigned = new License(licenseId.toString(), productId, transferId, buyer, seller, title,
        purchasedAt.truncatedTo(ChronoUnit.SECONDS).toString(), paymentRef, terms, sellerKeys.keyId(), "");
    byte[] signature = sellerKeys.sign(unsigned.signedBytes());
    return unsigned.withSignature(Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
  }

  /** @return short terms for one organization's use, without redistribution */
  public static String defaultTerms() {
    return DEFAULT_TERMS;
  }

  /**
   * Checks the seller's signature and that {@code seller_key_id} names the key.
   *
   * @throws SignatureException if unsigned, signed by another key, or the signature does not verify
   */
  public void verify(byte[] sellerEd25519PublicKey) throws SignatureException {
    SignedJson.verify("license", sellerEd25519PublicKey, sellerKeyId, signature, signedBytes());
  }

  /** @return the bytes the signature covers: RFC 8785 form without {@code signature} */
  public byte[] signedBytes() {
    return SignedJson.signedBytes(toJson());
  }

  /** @return the RFC 8785 form of the signed license, as personalized copies carry it */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toJson());
  }

  /**
   * @return the first 32 lowercase hex digits of SHA-256 of {@link #canonicalBytes()}: a short id of this exact
   *     license, embedded where the whole license does not fit
   */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalBytes());
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /**
   * Reads a license (exactly the members above, all strings). Does not verify it: call {@link #verify}.
   *
   * @throws IllegalArgumentException if the bytes are not a well-formed license
   */
  public static License parse(byte[] json) {
    JsonNode node = SignedJson.readStrings("license", json, MEMBERS, FORMAT);
    return new License(node.get("license_id").asString(), node.get("product_id").asString(),
        node.get("transfer_id").asString(), node.get("buyer").asString(), node.get("seller").asString(),
        node.get("title").asString(), node.get("purchased_at").asString(), node.get("payment_ref").asString(),
        node.get("terms").asString(), node.get("seller_key_id").asString(), node.get("signature").asString());
  }

  Instant purchasedInstant() {
    return Instant.parse(purchasedAt);
  }

  private License withSignature(String newSignature) {
    return new License(licenseId, productId, transferId, buyer, seller, title, purchasedAt, paymentRef, terms,
        sellerKeyId, newSignature);
  }

  private ObjectNode toJson() {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("license_id", licenseId);
    json.put("product_id", productId);
    json.put("transfer_id", transferId);
    json.put("buyer", buyer);
    json.put("seller", seller);
    json.put("title", title);
    json.put("purchased_at", purchasedAt);
    json.put("payment_ref", paymentRef);
    json.put("terms", terms);
    json.put("seller_key_id", sellerKeyId);
    json.put("signature", signature);
    return json;
  }

  private static boolean noControlCharacters(String text, String allowed) {
    return text.chars().noneMatch(c -> Character.isISOControl(c) && allowed.indexOf(c) < 0);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
