package ai.ailock.distribution.client.manifest;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.client.crypto.KeyIds;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SignatureException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seller-signed product manifest ({@code manifest.schema.json}, format {@code ailock-manifest-v1}): which
 * product and version a Cobblestone-256 ciphertext is, how it is cut into transport chunks and what each chunk
 * hashes to, the encrypted product metadata, and the seller's Ed25519 signature over the RFC 8785 form of all of
 * that (the manifest without its {@code signature} member). Immutable and thread-safe.
 *
 * <p>Obtain one with {@link #sign} (seller) or {@link ManifestParser#parse} (anyone else), then {@link #verify}
 * it against the seller's key before trusting any member.
 *
 * @param createdAt RFC 3339 date-time, kept exactly as signed
 * @param sellerKeyId id of the Ed25519 key that signed
 * @param signature base64url (no padding) of the 64-byte Ed25519 signature
 * @param transferId present exactly on a personalized copy: the one transfer it was made for (signed like the rest)
 */
public record Manifest(String productId, int version, long ciphertextLength, String ciphertextSha256, int chunkSize,
    List<ManifestChunk> chunks, String encryptedMetadata, String sellerKeyId, String createdAt, String signature,
    @Nullable String transferId) {

  public static final String FORMAT = "ailock-manifest-v1";
  public static final String PROFILE = "ailock-e2ee-v1";
  /** The largest transport chunk of the profile (4 MiB); the SDK refuses manifests with larger ones. */
  public static final int MAX_CHUNK_SIZE = 4 * 1024 * 1024;

  public Manifest {
    chunks = List.copyOf(chunks);
  }

  /**
   * Signs {@code draft} with the seller's Ed25519 key.
   *
   * @throws IllegalArgumentException if the result would not be a well-formed manifest (schema or chunk tiling)
   */
  public static Manifest sign(ManifestDraft draft, AilockKeys seller) {
    String createdAt = draft.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
    Manifest unsigned = new Manifest(draft.productId(), draft.version(), draft.ciphertextLength(),
        draft.ciphertextSha256(), draft.chunkSize(), draft.chunks(), draft.encryptedMetadata(), seller.keyId(),
        createdAt, "", draft.transferId());
    String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(seller.sign(unsigned.signedBytes()));
    Manifest signed = unsigned.withSignature(signature);
    try {
      ManifestParser.check(signed.toJson(), signed);
    } catch (InvalidManifestException e) {
      throw new IllegalArgumentException("not a well-formed manifest: " + e.getMessage(), e);
    }
    return signed;
  }

  /**
   * Checks the seller's signature (strict Ed25519) and that {@code seller_key_id} names that key.
   *
   * @param sellerEd25519PublicKey the seller's 32-byte public key, from {@code identities-get} or, for the owner,
   *     its own key
   * @throws SignatureException if the key id does not name the key or the signature does not verify
   */
  public void verify(byte[] sellerEd25519PublicKey) throws SignatureException {
    if (sellerEd25519PublicKey.length != Ed25519.PUBLIC_KEY_LENGTH
        || !KeyIds.of(sellerEd25519PublicKey).equals(sellerKeyId)) {
      throw new SignatureException("the manifest was signed by key " + sellerKeyId + ", not by the seller's key");
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new SignatureException("the manifest signature is not base64url");
    }
    Ed25519.verify(sellerEd25519PublicKey, signedBytes(), signatureBytes);
  }

  /** @return the bytes the signature covers: RFC 8785 form of the manifest without {@code signature} */
  public byte[] signedBytes() {
    ObjectNode unsigned = toJson();
    unsigned.remove("signature");
    return CanonicalJson.bytes(unsigned);
  }

  /** @return the RFC 8785 form of the whole manifest, as the service stores and serves it */
  public byte[] canonicalBytes() {
    return CanonicalJson.bytes(toJson());
  }

  /** @return lowercase hex SHA-256 of {@link #canonicalBytes()}: the manifest hash receipts name */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** @return {@link #createdAt()} as an instant */
  public Instant createdAtInstant() {
    return java.time.OffsetDateTime.parse(createdAt).toInstant();
  }

  /** @return the manifest as a JSON object (member order not canonical) */
  public ObjectNode toJson() {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("format", FORMAT);
    json.put("product_id", productId);
    json.put("version", version);
    if (transferId != null) {
      json.put("transfer_id", transferId);
    }
    json.put("profile", PROFILE);
    ObjectNode algorithms = json.putObject("algorithms");
    algorithms.put("content", "cobblestone-256");
    algorithms.put("record_size", 16384);
    algorithms.put("chunk_hash", "sha-256");
    algorithms.put("signature", "ed25519");
    algorithms.put("envelope", "x25519-sealedbox");
    json.put("ciphertext_length", ciphertextLength);
    json.put("ciphertext_sha256", ciphertextSha256);
    json.put("chunk_size", chunkSize);
    ArrayNode list = json.putArray("chunks");
    for (ManifestChunk chunk : chunks) {
      ObjectNode item = list.addObject();
      item.put("index", chunk.index());
      item.put("offset", chunk.offset());
      item.put("length", chunk.length());
      item.put("sha256", chunk.sha256());
    }
    json.put("encrypted_metadata", encryptedMetadata);
    json.put("seller_key_id", sellerKeyId);
    json.put("created_at", createdAt);
    json.put("signature", signature);
    return json;
  }

  private Manifest withSignature(String newSignature) {
    return new Manifest(productId, version, ciphertextLength, ciphertextSha256, chunkSize, chunks, encryptedMetadata,
        sellerKeyId, createdAt, newSignature, transferId);
  }
}
