package ai.ailock.distribution.client.transfer;

import java.time.Instant;
import java.util.List;

/**
 * An upload session as {@code products-upload-init} and {@code products-upload-status} describe it.
 *
 * @param state {@code open}, {@code completed} or {@code expired}
 * @param received indices of the chunks the service holds, ascending
 * @param missing indices of the chunks still to send, ascending
 */
public record UploadSessionInfo(String uploadId, String productId, int version, String state, long ciphertextLength,
    int chunkSize, int chunkCount, Instant expiresAt, List<Integer> received, List<Integer> missing) {

  public UploadSessionInfo {
    received = List.copyOf(received);
    missing = List.copyOf(missing);
  }
}
