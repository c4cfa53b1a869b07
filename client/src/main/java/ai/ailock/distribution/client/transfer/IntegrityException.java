package ai.ailock.distribution.client.transfer;

import java.security.GeneralSecurityException;

/**
 * Downloaded bytes do not match what the signed manifest or the encrypted metadata promise: a chunk's SHA-256 or
 * length, or the plaintext's SHA-256 or length. Nothing is left on disk.
 */
public final class IntegrityException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public IntegrityException(String message) {
    super(message);
  }
}
