package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.transfer.TransferProgress.Phase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** The file an upload reads: hashed once up front, then read again through the encryptor while being hashed. */
final class PlaintextFile {
  private static final int BUFFER = 256 * 1024;

  /** A file's length and SHA-256. */
  record Fingerprint(long length, String sha256) {}

  private PlaintextFile() {}

  /** Reads the whole file once and reports {@link Phase#HASHING} progress. */
  static Fingerprint fingerprint(Path file, ProgressTracker progress) throws IOException {
    progress.start(Phase.HASHING, Files.size(file));
    MessageDigest digest = Digests.sha256();
    long length = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
        length += n;
        progress.add(n);
      }
    }
    return new Fingerprint(length, Digests.hex(digest));
  }

  /** @return the file as a stream that hashes and counts what is read from it */
  static Hashing open(Path file) throws IOException {
    return new Hashing(Files.newInputStream(file));
  }

  /** A plaintext stream that keeps the SHA-256 and length of what went through it. */
  static final class Hashing extends FilterInputStream {
    private final MessageDigest digest = Digests.sha256();
    private long length;

    private Hashing(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        digest.update((byte) b);
        length++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
        length += n;
      }
      return n;
    }

    @Override
    public long skip(long n) {
      throw new UnsupportedOperationException("every byte must be hashed");
    }

    Fingerprint fingerprint() {
      return new Fingerprint(length, Digests.hex(digest));
    }
  }
}
