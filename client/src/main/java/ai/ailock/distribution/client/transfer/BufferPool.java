package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code count} buffers of {@code size} bytes, allocated on first need and handed out again once
 * released: what bounds a transfer's memory, whatever the file size. Thread-safe.
 */
final class BufferPool {
  /** Checked while waiting, so a failed transfer stops waiting for buffers. */
  interface Abort {
    void check() throws Exception;
  }

  private final BlockingQueue<byte[]> free;
  private final int count;
  private final int size;
  private int allocated;

  BufferPool(int count, int size) {
    this.free = new ArrayBlockingQueue<>(count);
    this.count = count;
    this.size = size;
  }

  /**
   * @return a buffer, waiting until one is released if all are in use
   * @throws IOException or GeneralSecurityException (or a runtime exception) as {@code abort} throws it
   */
  byte[] acquire(Abort abort) throws IOException, GeneralSecurityException {
    while (true) {
      try {
        abort.check();
      } catch (Exception e) {
        throw Retry.rethrow(e);
      }
      byte[] buffer = free.poll();
      if (buffer != null) {
        return buffer;
      }
      synchronized (this) {
        if (allocated < count) {
          allocated++;
          return new byte[size];
        }
      }
      try {
        buffer = free.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for a buffer");
      }
      if (buffer != null) {
        return buffer;
      }
    }
  }

  void release(byte[] buffer) {
    free.offer(buffer);
  }
}
