package ai.ailock.distribution.server;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stand-in ciphertext for server tests: random bytes of the length a product of {@code plaintextSize} encrypts to.
 * The service never decrypts, so the bytes need not be real ciphertext; the manifest is real and really signed.
 */
public final class TestCiphertext {
  private final byte[] bytes;
  private final int chunkSize;

  public TestCiphertext(long plaintextSize, int chunkSize, long seed) {
    this.bytes = new byte[Math.toIntExact(CiphertextLayout.ciphertextLength(plaintextSize))];
    new SplittableRandom(seed).nextBytes(bytes);
    this.chunkSize = chunkSize;
  }

  public int length() {
    return bytes.length;
  }

  public int chunkCount() {
    return (bytes.length + chunkSize - 1) / chunkSize;
  }

  public byte[] chunk(int index) {
    int from = index * chunkSize;
    return Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize));
  }

  public byte[] all() {
    return bytes.clone();
  }

  public String sha256() {
    return hex(bytes);
  }

  /** @return a manifest of these chunks, signed by {@code seller} */
  public ObjectNode signedManifest(String productId, AilockKeys seller) {
    return sign(unsignedManifest(productId, seller.keyId()), seller);
  }

  public ObjectNode unsignedManifest(String productId, String sellerKeyId) {
    ObjectNode m = WireJson.mapper().createObjectNode();
    m.put("format", "ailock-manifest-v1").put("product_id", productId).put("version", 1)
        .put("profile", "ailock-e2ee-v1");
    m.putObject("algorithms").put("content", "cobblestone-256").put("record_size", 16384)
        .put("chunk_hash", "sha-256").put("signature", "ed25519").put("envelope", "x25519-sealedbox");
    m.put("ciphertext_length", bytes.length).put("ciphertext_sha256", sha256()).put("chunk_size", chunkSize);
    ArrayNode chunks = m.putArray("chunks");
    IntStream.range(0, chunkCount()).forEach(i -> chunks.addObject().put("index", i)
        .put("offset", (long) i * chunkSize).put("length", chunk(i).length).put("sha256", hex(chunk(i))));
    m.put("encrypted_metadata", "bWV0YWRhdGE").put("seller_key_id", sellerKeyId)
        .put("created_at", "2026-11-22T10:00:00Z");
    return m;
  }

  /** Signs (or re-signs) a manifest the way docs/crypto.md specifies. */
  public static ObjectNode sign(ObjectNode manifest, AilockKeys seller) {
    ObjectNode unsigned = manifest.deepCopy();
    unsigned.remove("signature");
    byte[] signature = seller.sign(CanonicalJson.bytes(unsigned));
    return unsigned.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
  }

  public static List<Integer> indices(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  public static String hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
