package ai.ailock.distribution.storage.blob;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@link FileSystemBlobStore} keeps things under its root: a blob at {@code root/<key>}, temporary files
 * in {@code root/.tmp}. Every path derived from a key is normalised and checked to stay under the root, both
 * lexically and after resolving symbolic links planted inside the root. Thread-safe (stateless).
 */
final class FileSystemBlobPaths {
  static final String TEMP_DIRECTORY = ".tmp";

  private final Path root;
  private final Path tempDirectory;

  /** @param root an existing directory, already resolved with {@link Path#toRealPath} */
  FileSystemBlobPaths(Path root) {
    this.root = root;
    this.tempDirectory = root.resolve(TEMP_DIRECTORY);
  }

  Path root() {
    return root;
  }

  Path tempDirectory() {
    return tempDirectory;
  }

  /**
   * @return the file (or, for a prefix, the directory) of {@code key}
   * @throws IllegalArgumentException if the key names the reserved temporary directory or leaves the root
   * @throws BlobStoreException if a symbolic link inside the root leads out of it
   */
  Path locate(BlobKey key) {
    Path target = root.resolve(key.value()).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException("blob key leaves the store's root: " + key);
    }
    if (target.getName(root.getNameCount()).toString().equals(TEMP_DIRECTORY)) {
      throw new IllegalArgumentException("blob key uses the reserved directory " + TEMP_DIRECTORY + ": " + key);
    }
    requireDeepestExistingAncestorInsideRoot(key, target.getParent());
    return target;
  }

  /**
   * Creates the directories above {@code target}.
   *
   * @throws NoSuchFileException if a concurrent delete removed a directory mid-way: try again
   * @throws BlobStoreException if a blob sits where a directory belongs
   */
  void createParentDirectories(BlobKey key, Path target) throws IOException {
    try {
      Files.createDirectories(target.getParent());
    } catch (FileAlreadyExistsException e) {
      Path occupied = e.getFile() == null ? target.getParent() : Path.of(e.getFile());
      boolean blobInTheWay = Files.exists(occupied, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(occupied, LinkOption.NOFOLLOW_LINKS);
      if (blobInTheWay) {
        throw new BlobStoreException("cannot store " + key + ": a blob occupies one of its parent paths", e);
      }
      // the directory existed, then a concurrent delete removed it before it could be checked
      throw new NoSuchFileException(occupied.toString());
    }
  }

  /**
   * Removes {@code directory} and its parents up to (not including) the root while they are empty. Best effort:
   * a directory that a concurrent put has just filled, or that a concurrent delete has removed, is fine.
   */
  void pruneEmptyDirectories(Path directory) {
    Path current = directory;
    while (current != null && current.startsWith(root) && !current.equals(root) && !current.equals(tempDirectory)) {
      try {
        Files.delete(current);
      } catch (NoSuchFileException e) {
        // removed concurrently; keep going up
      } catch (DirectoryNotEmptyException e) {
        return;
      } catch (IOException e) {
        return;
      }
      current = current.getParent();
    }
  }

  private void requireDeepestExistingAncestorInsideRoot(BlobKey key, Path directory) {
    for (Path existing = directory; !existing.equals(root); existing = existing.getParent()) {
      if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      Path real;
      try {
        real = existing.toRealPath();
      } catch (NoSuchFileException e) {
        if (Files.isSymbolicLink(existing)) {
          throw new BlobStoreException("refusing " + key + ": " + existing + " is a dangling link", e);
        }
        continue; // removed concurrently; its parent decides
      } catch (IOException e) {
        throw new BlobStoreException("cannot resolve the directory of " + key, e);
      }
      if (!real.startsWith(root)) {
        throw new BlobStoreException("refusing " + key + ": " + existing + " is a link that leads out of the store");
      }
      return;
    }
  }
}
