package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file being uploaded changed: while it was read, or since the interrupted upload that is being resumed
 * began. Resuming would have to encrypt different plaintext under the same key and salt, so it is refused; start a
 * new upload instead.
 */
public final class FileChangedException extends IOException {
  private static final long serialVersionUID = 1L;

  public FileChangedException(Path file, String what) {
    super(file + " changed " + what + "; start a new upload");
  }
}
