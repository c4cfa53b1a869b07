package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a {@link Downloader} reads a product's signed manifest and ciphertext chunks: the owner's path today
 * ({@link OwnerContentSource}), a recipient's claim later. Nothing it returns is trusted: the downloader verifies
 * the manifest's signature and every chunk's hash. Implementations are thread-safe: chunks are fetched from
 * several threads at once. Refusals are {@link ai.ailock.distribution.client.http.DistributionApiException}s.
 */
public interface ContentSource {

  /** @return the signed manifest's bytes as served */
  byte[] manifest() throws IOException;

  /**
   * Opens chunk {@code index} from byte {@code from} of the chunk to its end ({@code from > 0} continues a
   * partially received chunk). The caller closes the stream.
   */
  InputStream chunk(int index, long from) throws IOException;
}
