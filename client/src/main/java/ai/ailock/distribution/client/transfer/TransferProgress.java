package ai.ailock.distribution.client.transfer;

/**
 * Where a transfer stands.
 *
 * @param phase what the transfer is doing
 * @param done bytes of the phase done so far
 * @param total bytes of the phase in all (0 when unknown)
 */
public record TransferProgress(Phase phase, long done, long total) {

  /** The steps of an upload ({@code HASHING}, {@code UPLOADING}, {@code COMPLETING}) and of a download. */
  public enum Phase {
    /** Reading the plaintext file once to hash it (bytes of plaintext). */
    HASHING,
    /** Encrypting and sending chunks (bytes of ciphertext, including chunks the service already held). */
    UPLOADING,
    /** Signing the manifest and completing the upload. */
    COMPLETING,
    /** Fetching, checking and decrypting chunks (bytes of ciphertext received). */
    DOWNLOADING,
    /** Checking the plaintext and moving the file into place. */
    VERIFYING,
    /** Finished. */
    DONE
  }

  /** @return {@code done / total} in [0, 1]; 0 if the total is unknown */
  public double fraction() {
    return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
  }
}
