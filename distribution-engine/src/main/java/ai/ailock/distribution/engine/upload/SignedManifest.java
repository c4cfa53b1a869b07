package ai.ailock.distribution.engine.upload;

import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The facts of a seller-signed manifest (crypto format: {@code docs/crypto.md}) as the engine checks them,
 * with the exact bytes the signature covers.
 *
 * @param signedBytes RFC 8785 form of the manifest without its {@code signature} member
 * @param signature the seller's 64-byte Ed25519 signature over {@code signedBytes}
 * @param canonicalJson RFC 8785 form of the whole manifest, stored and served as is
 * @param transferId the one transfer a personalized copy was made for; null on any other product
 */
public record SignedManifest(
    ProductId productId,
    int version,
    long ciphertextLength,
    String ciphertextSha256,
    int chunkSize,
    List<ManifestChunk> chunks,
    KeyId sellerKeyId,
    byte[] signedBytes,
    byte[] signature,
    String canonicalJson,
    @Nullable UUID transferId) {

  /** Copies the chunk list and the signed bytes, so a caller changing them afterwards cannot change this manifest. */
  public SignedManifest {
    chunks = List.copyOf(chunks);
    signedBytes = signedBytes.clone();
    signature = signature.clone();
  }
}
