package ai.ailock.distribution.client.keystore;

import java.io.IOException;
import java.nio.file.Path;

/** A file that must be readable by its owner only grants access to its group or to others. */
public final class InsecurePermissionsException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param permissions the file's permissions in {@code ls} form, e.g. {@code rw-r--r--} */
  public InsecurePermissionsException(Path path, String permissions) {
    super(path + " has permissions " + permissions + "; it must be readable by its owner only (chmod 600 "
        + path.getFileName() + ")");
  }
}
