package ai.ailock.distribution.server.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Writes a file of pseudo-random bytes, 1 MiB at a time: a stand-in product that does not compress. */
final class GeneratedFile {
  private GeneratedFile() {}

  static Path write(Path file, long size, long seed) throws IOException {
    var random = new SplittableRandom(seed);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= block.length) {
        random.nextBytes(block);
        out.write(block, 0, (int) Math.min(block.length, left));
      }
    }
    return file;
  }
}
