package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ProductMetadata;
import java.nio.file.Path;

/**
 * A verified download: the file is in place and its plaintext matches the signed metadata.
 *
 * @param file where the plaintext was written
 * @param manifestSha256 SHA-256 of the manifest's RFC 8785 form, as a receipt names it
 */
public record DownloadResult(Path file, ProductMetadata metadata, Manifest manifest, String manifestSha256) {

  /** @return the plaintext SHA-256, verified: a receipt's {@code client_hash} */
  public String clientHash() {
    return metadata.plaintextSha256();
  }
}
