package ai.ailock.distribution.storage.blob;

import ai.ailock.distribution.engine.blob.BlobAlreadyExistsException;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.storage.blob.ExactLengthInputStream.ContentStreamFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * {@link BlobStore} on a local directory: the single-node default.
 *
 * <p>A blob lives at {@code root/<key>}. {@link #put} streams into a temporary file under {@code root/.tmp}
 * (same file system), forces it to disk and publishes it with a hard link, which fails rather than replace an
 * existing file: blobs are never overwritten and never visible half-written. The first key segment {@code .tmp}
 * is therefore reserved. A key and a key below it (say {@code a} and {@code a/b}) cannot both hold a blob here,
 * since one would need {@code a} to be a file and the other a directory; the second put fails with a
 * {@link BlobStoreException}.
 *
 * <p>Thread-safe; several processes may share one root. Temporary files older than a day (left by a crash) are
 * removed when a store is created.
 */
public final class FileSystemBlobStore implements BlobStore {
  private static final int BUFFER_SIZE = 256 * 1024;
  private static final int PUBLISH_ATTEMPTS = 16;
  private static final long STALE_TEMP_FILE_MILLIS = 24L * 60 * 60 * 1000;

  private final FileSystemBlobPaths paths;

  /**
   * @param root the directory to keep blobs in; created if missing
   * @throws BlobStoreException if the directory cannot be created or used
   */
  public FileSystemBlobStore(Path root) {
    try {
      Files.createDirectories(root);
      paths = new FileSystemBlobPaths(root.toRealPath());
      Files.createDirectories(paths.tempDirectory());
      if (!Files.isDirectory(paths.tempDirectory(), LinkOption.NOFOLLOW_LINKS)) {
        throw new BlobStoreException(paths.tempDirectory() + " must be a directory");
      }
      removeStaleTempFiles();
    } catch (IOException e) {
      throw new BlobStoreException("cannot use blob directory " + root, e);
    }
  }

  /** @return the store's root directory, with symbolic links resolved */
  public Path root() {
    return paths.root();
  }

  @Override
  public String type() {
    return "filesystem";
  }

  @Override
  public void put(BlobKey key, InputStream content, long length) {
    ExactLengthInputStream exact = new ExactLengthInputStream(content, length);
    Path target = paths.locate(key);
    requireFree(key, target);
    Path temp = createTempFile(key);
    try {
      writeFully(key, exact, temp);
      publish(key, temp, target);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public Optional<InputStream> open(BlobKey key, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + length);
    }
    Optional<StoredBlob> blob = openBlob(key);
    if (blob.isPresent() && offset > blob.get().size() - length) {
      closeQuietly(blob.get().channel());
      throw new IllegalArgumentException(
          "range " + offset + "+" + length + " extends past the end of " + key + " (" + blob.get().size() + " bytes)");
    }
    return blob.map(b -> new FileRangeInputStream(b.channel(), offset, length));
  }

  @Override
  public Optional<InputStream> open(BlobKey key) {
    return openBlob(key).map(b -> new FileRangeInputStream(b.channel(), 0, b.size()));
  }

  @Override
  public Optional<Long> size(BlobKey key) {
    Path target = paths.locate(key);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? Optional.of(attributes.size()) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new BlobStoreException("cannot read the size of " + key, e);
    }
  }

  @Override
  public Optional<Path> localFile(BlobKey key) {
    Path target = paths.locate(key);
    return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? Optional.of(target) : Optional.empty();
  }

  @Override
  public void delete(BlobKey key) {
    Path target = paths.locate(key);
    try {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || !Files.deleteIfExists(target)) {
        return;
      }
    } catch (IOException e) {
      throw new BlobStoreException("cannot delete " + key, e);
    }
    paths.pruneEmptyDirectories(target.getParent());
  }

  @Override
  public void deleteAll(BlobKey prefix) {
    Path directory = paths.locate(prefix);
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(directory, new DeletingFileVisitor());
    } catch (IOException e) {
      throw new BlobStoreException("cannot delete the blobs under " + prefix, e);
    }
    paths.pruneEmptyDirectories(directory.getParent());
  }

  @Override
  public String toString() {
    return "FileSystemBlobStore[" + paths.root() + "]";
  }

  /** Fails before any byte is read when the key is taken; {@link #publish} checks again, atomically. */
  private static void requireFree(BlobKey key, Path target) {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new BlobStoreException("cannot store " + key + ": other blobs live below it");
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new BlobAlreadyExistsException(key);
    }
  }

  private Path createTempFile(BlobKey key) {
    try {
      return Files.createTempFile(paths.tempDirectory(), "put-", ".part");
    } catch (IOException e) {
      throw new BlobStoreException("cannot create a temporary file for " + key, e);
    }
  }

  private static void writeFully(BlobKey key, ExactLengthInputStream content, Path temp) {
    byte[] buffer = new byte[BUFFER_SIZE];
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      int n;
      while ((n = fill(key, content, buffer)) > 0) {
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      }
      out.force(true);
    } catch (IOException e) {
      throw new BlobStoreException("cannot write " + key, e);
    }
  }

  /** Reads until {@code buffer} is full or the content ends, so writes stay large whatever the source hands out. */
  private static int fill(BlobKey key, ExactLengthInputStream content, byte[] buffer) {
    int filled = 0;
    try {
      int n;
      while (filled < buffer.length && (n = content.read(buffer, filled, buffer.length - filled)) >= 0) {
        filled += n;
      }
    } catch (ContentStreamFailure e) {
      throw e.toBlobStoreException(key);
    } catch (IOException e) {
      throw new BlobStoreException("cannot read the content of " + key, e);
    }
    return filled;
  }

  private void publish(BlobKey key, Path temp, Path target) {
    for (int attempt = 1; ; attempt++) {
      try {
        paths.createParentDirectories(key, target);
        Files.createLink(target, temp);
        forceDirectory(target.getParent());
        return;
      } catch (FileAlreadyExistsException e) {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new BlobStoreException("cannot store " + key + ": other blobs live below it", e);
        }
        throw new BlobAlreadyExistsException(key);
      } catch (NoSuchFileException e) {
        // a concurrent delete removed the freshly created parent directory: create it again
        if (attempt == PUBLISH_ATTEMPTS) {
          throw new BlobStoreException("cannot publish " + key + ": its directory keeps disappearing", e);
        }
      } catch (IOException e) {
        throw new BlobStoreException("cannot publish " + key, e);
      }
    }
  }

  /** Makes the new directory entry durable, as the file's own force does for its bytes. */
  private static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private Optional<StoredBlob> openBlob(BlobKey key) {
    Path target = paths.locate(key);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      FileChannel channel = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      return Optional.of(new StoredBlob(channel, attributes.size()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new BlobStoreException("cannot open " + key, e);
    }
  }

  private void removeStaleTempFiles() throws IOException {
    long cutoff = System.currentTimeMillis() - STALE_TEMP_FILE_MILLIS;
    try (var files = Files.newDirectoryStream(paths.tempDirectory())) {
      for (Path file : files) {
        if (isStale(file, cutoff)) {
          deleteQuietly(file);
        }
      }
    }
  }

  private static boolean isStale(Path tempFile, long cutoffMillis) throws IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(tempFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return !attributes.isDirectory() && attributes.lastModifiedTime().toMillis() < cutoffMillis;
    } catch (NoSuchFileException e) {
      return false; // another process's put just finished with it
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was read; nothing to report
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is harmless; the next store start removes it once stale
    }
  }

  /** An open blob file; blobs are immutable, so the size read when opening stays right. */
  private record StoredBlob(FileChannel channel, long size) {}
}
