package ai.ailock.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Generated test files: pseudo-random bytes from a seed, written block by block. */
public final class RandomFile {
  private RandomFile() {}

  /** Writes {@code size} pseudo-random bytes (fast, incompressible) and returns the file. */
  public static Path write(Path file, long size, long seed) {
    var random = new SplittableRandom(seed);
    byte[] block = new byte[1024 * 1024];
    try (var out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long value = random.nextLong();
          for (int b = 0; b < 8; b++) {
            block[i + b] = (byte) (value >>> (8 * b));
          }
        }
        out.write(block, 0, (int) Math.min(block.length, left));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
