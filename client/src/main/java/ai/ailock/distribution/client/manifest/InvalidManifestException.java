package ai.ailock.distribution.client.manifest;

import java.security.GeneralSecurityException;

/**
 * A manifest (or the metadata it carries) is not well-formed: it does not match {@code manifest.schema.json}, its
 * chunk list does not tile the ciphertext, or it describes another product than the one asked for. Signature
 * failures are {@link java.security.SignatureException}s instead.
 */
public final class InvalidManifestException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public InvalidManifestException(String message) {
    super(message);
  }

  public InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
