package ai.ailock.distribution.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic pseudo-random content of any length, generated as it is read, so tests can stream and check
 * large blobs without holding them in memory. Byte {@code i} depends on the seed and on {@code i}, so a slice
 * read from the wrong offset does not match.
 */
public final class GeneratedContent {
  private final long seed;
  private final long length;

  private GeneratedContent(long seed, long length) {
    this.seed = seed;
    this.length = length;
  }

  public static GeneratedContent of(long seed, long length) {
    return new GeneratedContent(seed, length);
  }

  public long length() {
    return length;
  }

  /** @return a fresh stream of the whole content */
  public InputStream stream() {
    return slice(0, length);
  }

  /** @return a fresh stream of {@code length} bytes starting at {@code offset} */
  public InputStream slice(long offset, long sliceLength) {
    return new Generator(offset, sliceLength);
  }

  /** @return a small slice as an array, for exact comparisons */
  public byte[] bytes(long offset, int sliceLength) {
    byte[] out = new byte[sliceLength];
    for (int i = 0; i < sliceLength; i++) {
      out[i] = byteAt(offset + i);
    }
    return out;
  }

  /** @return the hex SHA-256 of {@code length} bytes from {@code offset} */
  public String sha256(long offset, long sliceLength) {
    return sha256Of(slice(offset, sliceLength));
  }

  /** @return the hex SHA-256 of everything left in {@code in}; closes it */
  public static String sha256Of(InputStream in) {
    try (in) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte byteAt(long position) {
    long word = mix(seed ^ (position >>> 3) * 0x9E3779B97F4A7C15L);
    return (byte) (word >>> ((position & 7) * 8));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private final class Generator extends InputStream {
    private long position;
    private long remaining;

    Generator(long offset, long sliceLength) {
      this.position = offset;
      this.remaining = sliceLength;
    }

    @Override
    public int read() {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      return byteAt(position++) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i++) {
        b[off + i] = byteAt(position + i);
      }
      position += n;
      remaining -= n;
      return n;
    }
  }
}
