package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.transfer.PlaintextFile.Fingerprint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where a download's authenticated plaintext goes: a thread of its own hashes it (SHA-256) and writes it to the
 * temporary file, in the order it was submitted, so the decrypting thread never waits for the hash or the disk.
 * Bounded: {@value #BUFFERS} buffers of 1 MiB, and a submitter waits for a free one. The first write failure is
 * rethrown to the submitter. One per download.
 */
final class PlaintextSink implements AutoCloseable {
  static final int BUFFER_SIZE = 1024 * 1024;
  private static final int BUFFERS = 3;

  private final FileChannel channel;
  private final BufferPool pool = new BufferPool(BUFFERS, BUFFER_SIZE);
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(DaemonThreads.named("ailock-plaintext-writer"));
  private final FirstFailure failure = new FirstFailure();
  // written by the writer thread only; read after finish() waited for it
  private final MessageDigest digest = Digests.sha256();
  private long length;

  PlaintextSink(FileChannel channel) {
    this.channel = channel;
  }

  /** @return a free buffer of {@link #BUFFER_SIZE} bytes, waiting while all are queued; throws a write failure */
  byte[] buffer() throws IOException, GeneralSecurityException {
    return pool.acquire(failure::rethrow);
  }

  /** Returns a buffer that was not submitted. */
  void release(byte[] buffer) {
    pool.release(buffer);
  }

  /** Queues {@code buffer[0, length)} to be hashed and written after everything submitted before. */
  void submit(byte[] buffer, int n) {
    writer.execute(() -> {
      try {
        if (failure.none()) {
          digest.update(buffer, 0, n);
          ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
          length += n;
        }
      } catch (Throwable e) {
        failure.record(e);
      } finally {
        pool.release(buffer);
      }
    });
  }

  /**
   * Waits until everything submitted is written, forces it to the disk, and returns the length and SHA-256 of all
   * that was written.
   */
  Fingerprint finish() throws IOException, GeneralSecurityException {
    try {
      writer.submit(() -> { }).get(); // runs after every earlier write; get() makes their effects visible here
    } catch (ExecutionException e) {
      throw Retry.rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the plaintext");
    }
    failure.rethrow();
    channel.force(true);
    return new Fingerprint(length, Digests.hex(digest));
  }

  @Override
  public void close() {
    writer.shutdownNow();
  }
}
