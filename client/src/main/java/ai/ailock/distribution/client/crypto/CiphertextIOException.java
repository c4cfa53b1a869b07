package ai.ailock.distribution.client.crypto;

import java.io.IOException;

/**
 * The {@link IOException} a decrypting stream throws when the ciphertext fails authentication
 * ({@code InputStream.read} can only throw {@code IOException}). The cause is always the
 * {@link InvalidCiphertextException}.
 */
public final class CiphertextIOException extends IOException {

  /** @param cause the authentication failure */
  public CiphertextIOException(InvalidCiphertextException cause) {
    super(cause.getMessage(), cause);
  }

  /** @return the authentication failure, never null */
  @Override
  public synchronized InvalidCiphertextException getCause() {
    return (InvalidCiphertextException) super.getCause();
  }
}
