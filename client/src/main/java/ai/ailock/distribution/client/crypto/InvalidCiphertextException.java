package ai.ailock.distribution.client.crypto;

import java.security.GeneralSecurityException;

/**
 * A ciphertext did not authenticate: it was modified, truncated, extended or reordered, or it was
 * opened with the wrong key or context. Nothing of the failed part was released as plaintext.
 */
public final class InvalidCiphertextException extends GeneralSecurityException {

  /** @param message what failed; never contains key material */
  public InvalidCiphertextException(String message) {
    super(message);
  }

  /**
   * @param message what failed; never contains key material
   * @param cause the underlying provider failure
   */
  public InvalidCiphertextException(String message, Throwable cause) {
    super(message, cause);
  }
}
