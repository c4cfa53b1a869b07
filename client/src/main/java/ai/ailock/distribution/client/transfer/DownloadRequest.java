package ai.ailock.distribution.client.transfer;

import java.nio.file.Path;

/**
 * What to download and how to trust it.
 *
 * @param productId the product expected in the manifest
 * @param sellerEd25519PublicKey the key the manifest must be signed with: the owner's own, or the seller's from
 *     {@code identities-get}
 * @param keys supplies the input key of the manifest's product version
 * @param directory where the file goes, under the (sanitised) name from the encrypted metadata
 * @param overwrite whether an existing file of that name is replaced
 */
public record DownloadRequest(String productId, byte[] sellerEd25519PublicKey, ContentKeys keys, Path directory,
    boolean overwrite) {

  public DownloadRequest {
    sellerEd25519PublicKey = sellerEd25519PublicKey.clone();
  }

  @Override
  public byte[] sellerEd25519PublicKey() {
    return sellerEd25519PublicKey.clone();
  }
}
