package ai.ailock.distribution.server.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the demo's product and the buyer's logo. The product: a real ZIP archive of eight recordings of pseudo-random bytes (they do not compress, so
 * they are stored; deflate level 0), written 1 MiB at a time. The archive is at most {@code size} bytes: its
 * recordings hold {@code size} less {@link #ROOM} bytes, the rest is for the archive's own framing (deflate's stored
 * blocks cost 5 bytes per 64 KiB, and each entry a header).
 */
final class GeneratedFile {
  static final int ENTRIES = 8;
  static final long ROOM = 256 * 1024;

  private GeneratedFile() {}

  static Path write(Path file, long size, long seed) throws IOException {
    long content = Math.max(0, size - ROOM);
    var random = new SplittableRandom(seed);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file); var zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.NO_COMPRESSION);
      for (int entry = 0; entry < ENTRIES; entry++) {
        long entrySize = content / ENTRIES + (entry < content % ENTRIES ? 1 : 0);
        zip.putNextEntry(new ZipEntry(String.format("field-recordings/take-%02d.wav", entry + 1)));
        for (long left = entrySize; left > 0; left -= block.length) {
          random.nextBytes(block);
          zip.write(block, 0, (int) Math.min(block.length, left));
        }
        zip.closeEntry();
      }
    }
    return file;
  }

  /** @return the buyer's "logo": the PNG signature and 48 KiB of pseudo-random bytes (the service never looks inside) */
  static byte[] logo(long seed) {
    byte[] logo = new byte[8 + 48 * 1024];
    new SplittableRandom(seed).nextBytes(logo);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, logo, 0, 8);
    return logo;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
