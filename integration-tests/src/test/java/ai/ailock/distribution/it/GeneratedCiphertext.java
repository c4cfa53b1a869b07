package ai.ailock.distribution.it;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stand-in ciphertext of any size, generated chunk by chunk from a seed so that no test holds a whole product:
 * random bytes of the length a product of {@code plaintextSize} encrypts to. The service never decrypts.
 */
public final class GeneratedCiphertext {
  private final long length;
  private final int chunkSize;
  private final long seed;
  private final String[] chunkHashes;
  private final String sha256;

  public GeneratedCiphertext(long plaintextSize, int chunkSize, long seed) {
    this.length = CiphertextLayout.ciphertextLength(plaintextSize);
    this.chunkSize = chunkSize;
    this.seed = seed;
    this.chunkHashes = new String[chunkCount()];
    MessageDigest whole = sha();
    byte[] buffer = new byte[chunkSize];
    for (int i = 0; i < chunkHashes.length; i++) {
      int n = fill(i, buffer);
      whole.update(buffer, 0, n);
      MessageDigest one = sha();
      one.update(buffer, 0, n);
      chunkHashes[i] = HexFormat.of().formatHex(one.digest());
    }
    this.sha256 = HexFormat.of().formatHex(whole.digest());
  }

  public long length() {
    return length;
  }

  public int chunkSize() {
    return chunkSize;
  }

  public int chunkCount() {
    return Math.toIntExact((length + chunkSize - 1) / chunkSize);
  }

  public String sha256() {
    return sha256;
  }

  public String chunkSha256(int index) {
    return chunkHashes[index];
  }

  /** Writes chunk {@code index} into {@code buffer} (at least chunkSize long). @return its length */
  public int fill(int index, byte[] buffer) {
    int n = (int) Math.min(chunkSize, length - (long) index * chunkSize);
    new SplittableRandom(seed * 1_000_003 + index).nextBytes(buffer);
    return n;
  }

  /** Writes the whole ciphertext to {@code file}, chunk by chunk. */
  public void writeTo(java.nio.file.Path file) throws java.io.IOException {
    byte[] buffer = new byte[chunkSize];
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      for (int i = 0; i < chunkCount(); i++) {
        out.write(buffer, 0, fill(i, buffer));
      }
    }
  }

  /** @return the manifest of this ciphertext, signed by {@code seller} (docs/crypto.md) */
  public ObjectNode signedManifest(String productId, AilockKeys seller) {
    ObjectNode m = WireJson.mapper().createObjectNode();
    m.put("format", "ailock-manifest-v1").put("product_id", productId).put("version", 1)
        .put("profile", "ailock-e2ee-v1");
    m.putObject("algorithms").put("content", "cobblestone-256").put("record_size", 16384)
        .put("chunk_hash", "sha-256").put("signature", "ed25519").put("envelope", "x25519-sealedbox");
    m.put("ciphertext_length", length).put("ciphertext_sha256", sha256).put("chunk_size", chunkSize);
    ArrayNode chunks = m.putArray("chunks");
    for (int i = 0; i < chunkCount(); i++) {
      chunks.addObject().put("index", i).put("offset", (long) i * chunkSize)
          .put("length", (int) Math.min(chunkSize, length - (long) i * chunkSize)).put("sha256", chunkHashes[i]);
    }
    m.put("encrypted_metadata", "bWV0YWRhdGE").put("seller_key_id", seller.keyId())
        .put("created_at", "2026-11-22T10:00:00Z");
    byte[] signature = seller.sign(CanonicalJson.bytes(m));
    return m.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
