package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Where a download's plaintext is written: a sanitised name, an owner-only temporary file, an atomic rename. */
final class FileNames {
  private FileNames() {}

  /**
   * @return {@code proposed} reduced to a plain file name (no directories, no control characters, not hidden
   *     behind "." or ".."), or {@code <fallback>.bin} if nothing usable is left
   */
  static String safe(String proposed, String fallback) {
    String name = proposed.substring(Math.max(proposed.lastIndexOf('/'), proposed.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints().filter(c -> !Character.isISOControl(c) && c != ':').forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    while (result.startsWith(".")) {
      result = result.substring(1);
    }
    if (result.isEmpty() || result.length() > 255) {
      return fallback + ".bin";
    }
    return result;
  }

  /** @return a new, empty, owner-only file in {@code directory} */
  static Path temporaryIn(Path directory) throws IOException {
    FileStore store = Files.getFileStore(directory);
    FileAttribute<?>[] attributes = store.supportsFileAttributeView(PosixFileAttributeView.class)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    return Files.createTempFile(directory, ".ailock-download-", ".part", attributes);
  }

  /** Gives the verified temporary file its final name in one step. */
  static void publish(Path temporary, Path target, boolean overwrite) throws IOException {
    if (!overwrite) {
      try {
        Files.createLink(target, temporary); // fails if the name was taken meanwhile
        return;
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(target)) {
          throw new FileAlreadyExistsException(target.toString());
        }
      }
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
