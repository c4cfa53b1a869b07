package ai.ailock.distribution.client.keystore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files readable by their owner only (POSIX {@code 0600}, directories {@code 0700}), written atomically: the
 * content goes to a temporary owner-only file in the same directory, is flushed to disk, and then takes the final
 * name in one step, so a reader never sees a half-written or briefly world-readable file. On file systems without
 * POSIX permissions the files inherit their directory's access rules and permissions are not checked.
 * Stateless and thread-safe.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /**
   * Writes {@code content} to {@code path} as an owner-only file, creating missing parent directories as
   * owner-only directories.
   *
   * @param replace whether an existing file is replaced; if false an existing file is left untouched
   * @throws FileAlreadyExistsException if the file exists and {@code replace} is false
   * @throws IOException if writing fails; no partial file is left under {@code path}
   */
  public static void write(Path path, byte[] content, boolean replace) throws IOException {
    Path target = path.toAbsolutePath();
    Path directory = target.getParent();
    createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", fileAttributes(directory));
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (replace) {
        moveAtomically(temporary, target);
      } else {
        linkWithoutReplacing(temporary, target);
      }
      syncDirectory(directory);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Reads an owner-only file.
   *
   * @throws InsecurePermissionsException if its group or others have any permission on it
   * @throws IOException if it cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
   */
  public static byte[] read(Path path) throws IOException {
    checkOwnerOnly(path);
    return Files.readAllBytes(path);
  }

  /**
   * @throws InsecurePermissionsException if the group or others have any permission on {@code path}
   * @throws IOException if its attributes cannot be read
   */
  public static void checkOwnerOnly(Path path) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    for (PosixFilePermission permission : permissions) {
      if (!permission.name().startsWith("OWNER_")) {
        throw new InsecurePermissionsException(path, PosixFilePermissions.toString(permissions));
      }
    }
  }

  /** Creates {@code directory} and its missing parents as owner-only directories (existing ones are kept). */
  public static void createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (supportsPosix(parent)) {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }

  /** Deletes {@code path} if it exists. */
  public static void delete(Path path) throws IOException {
    Files.deleteIfExists(path);
  }

  private static FileAttribute<?>[] fileAttributes(Path directory) throws IOException {
    return supportsPosix(directory)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
        : new FileAttribute<?>[0];
  }

  private static boolean supportsPosix(Path directory) throws IOException {
    return directory != null && Files.exists(directory)
        && Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  private static void moveAtomically(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A hard link takes the name only if it is free, in one step; the temporary name is removed afterwards. */
  private static void linkWithoutReplacing(Path temporary, Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    try {
      Files.createLink(target, temporary);
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      if (e instanceof FileAlreadyExistsException exists) {
        throw exists;
      }
      Files.move(temporary, target);
    }
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // not every platform can sync a directory; the file itself is already on disk
    }
  }
}
