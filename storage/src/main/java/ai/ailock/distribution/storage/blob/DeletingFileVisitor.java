package ai.ailock.distribution.storage.blob;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * Deletes a directory tree without following symbolic links, tolerating concurrent deletes (entries that vanish
 * mid-walk) and concurrent puts (a directory that fills up again is left in place).
 */
final class DeletingFileVisitor extends SimpleFileVisitor<Path> {

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
    Files.deleteIfExists(file);
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException exception) throws IOException {
    if (exception instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw exception;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path directory, @Nullable IOException exception) throws IOException {
    if (exception != null && !(exception instanceof NoSuchFileException)) {
      throw exception;
    }
    try {
      Files.deleteIfExists(directory);
    } catch (DirectoryNotEmptyException e) {
      // a concurrent put landed here after the walk passed by
    }
    return FileVisitResult.CONTINUE;
  }
}
