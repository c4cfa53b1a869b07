package ai.ailock.distribution.client.transfer;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What to download and how to trust it.
 *
 * @param productId the product expected in the manifest
 * @param sellerEd25519PublicKey the key the manifest must be signed with: the owner's own, or the seller's from
 *     {@code identities-get}
 * @param keys supplies the input key of the manifest's product version
 * @param directory where the file goes, under the (sanitised) name from the encrypted metadata
 * @param overwrite whether an existing file of that name is replaced
 * @param transferId the transfer a recipient downloads, or null for the owner: a personalized copy's manifest must
 *     name this transfer (a copy made for another buyer is refused before anything is fetched)
 */
public record DownloadRequest(String productId, byte[] sellerEd25519PublicKey, ContentKeys keys, Path directory,
    boolean overwrite, @Nullable String transferId) {

  public DownloadRequest {
    sellerEd25519PublicKey = sellerEd25519PublicKey.clone();
  }

  /** The owner's download of its own product (or of a copy it made). */
  public DownloadRequest(String productId, byte[] sellerEd25519PublicKey, ContentKeys keys, Path directory,
      boolean overwrite) {
    this(productId, sellerEd25519PublicKey, keys, directory, overwrite, null);
  }

  @Override
  public byte[] sellerEd25519PublicKey() {
    return sellerEd25519PublicKey.clone();
  }
}
