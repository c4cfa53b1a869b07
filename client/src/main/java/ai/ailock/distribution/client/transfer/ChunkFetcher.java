package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ManifestChunk;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a manifest's chunks with up to {@code parallelism} requests at once and hands them out in order as one
 * ciphertext stream: chunks that arrive early wait in a small reorder buffer. A dispatcher starts fetches in index
 * order, each holding one of {@code parallelism + 2} buffers until the reader has consumed it, so memory is bounded
 * and the chunk the reader needs next was always started first. Each chunk is read into its buffer, continued with
 * a range request after a broken connection, and checked against the manifest's length and SHA-256 before the
 * reader sees a byte of it.
 */
final class ChunkFetcher implements AutoCloseable {
  private final ContentSource source;
  private final Manifest manifest;
  private final Retry retry;
  private final ProgressTracker progress;
  private final BufferPool pool;
  private final ExecutorService fetchers;
  private final ExecutorService dispatcher;
  private final BlockingQueue<Future<byte[]>> ordered = new LinkedBlockingQueue<>();
  private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
  private volatile boolean closed;

  ChunkFetcher(ContentSource source, Manifest manifest, int parallelism, Retry retry, ProgressTracker progress) {
    this.source = source;
    this.manifest = manifest;
    this.retry = retry;
    this.progress = progress;
    this.pool = new BufferPool(parallelism + 2, manifest.chunkSize());
    this.fetchers = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("ailock-fetch"));
    this.dispatcher = Executors.newSingleThreadExecutor(DaemonThreads.named("ailock-fetch-dispatch"));
    dispatcher.execute(this::dispatch);
  }

  /** @return the whole ciphertext, in order; a failed fetch surfaces as an IOException, see {@link #failure()} */
  InputStream ciphertext() {
    return new Ordered();
  }

  /** @return the first fetch failure (IOException, GeneralSecurityException or runtime), if any */
  @Nullable Throwable failure() {
    return failure.get();
  }

  private void dispatch() {
    try {
      for (ManifestChunk chunk : manifest.chunks()) {
        byte[] buffer = pool.acquire(this::checkRunning);
        ordered.add(fetchers.submit(() -> fetch(chunk, buffer)));
      }
    } catch (Throwable e) {
      fail(e);
    }
  }

  private byte[] fetch(ManifestChunk chunk, byte[] buffer) throws Exception {
    try {
      int[] received = {0};
      for (int failures = 1; ; failures++) {
        checkRunning();
        try (InputStream in = source.chunk(chunk.index(), received[0])) {
          readInto(in, buffer, received, chunk);
          if (received[0] == chunk.length()) {
            break;
          }
          throw new EOFException("chunk " + chunk.index() + " ended after " + received[0] + " of "
              + chunk.length() + " bytes");
        } catch (Exception e) {
          if (failures >= retry.maxAttempts() || !Retry.isTransient(e)) {
            throw e;
          }
          retry.pause(failures, e); // then continue from received[0] with a range request
        }
      }
      byte[] actual = Digests.sha256Hex(buffer, chunk.length()).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(actual, chunk.sha256().getBytes(StandardCharsets.US_ASCII))) {
        throw new IntegrityException("chunk " + chunk.index() + " does not match the manifest's SHA-256");
      }
      return buffer;
    } catch (Throwable e) {
      pool.release(buffer);
      fail(e);
      throw e;
    }
  }

  /** Reads the rest of a chunk into {@code buffer}, counting in {@code received[0]} as bytes arrive. */
  private void readInto(InputStream in, byte[] buffer, int[] received, ManifestChunk chunk)
      throws IOException, IntegrityException {
    while (received[0] < chunk.length()) {
      int n = in.read(buffer, received[0], chunk.length() - received[0]);
      if (n < 0) {
        return;
      }
      received[0] += n;
      progress.add(n);
    }
    if (in.read() != -1) {
      throw new IntegrityException("chunk " + chunk.index() + " is longer than the manifest's " + chunk.length()
          + " bytes");
    }
  }

  private void checkRunning() throws IOException {
    if (closed) {
      throw new InterruptedIOException("the download was stopped");
    }
    Throwable first = failure.get();
    if (first != null) {
      throw new IOException("another chunk failed", first);
    }
  }

  private void fail(Throwable e) {
    failure.compareAndSet(null, e);
  }

  @Override
  public void close() {
    closed = true;
    dispatcher.shutdownNow();
    fetchers.shutdownNow();
  }

  /** The chunks in index order, each verified, each buffer returned to the pool once read. */
  private final class Ordered extends InputStream {
    private byte @Nullable [] current;
    private int position;
    private int limit;
    private int next;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (current == null || position == limit) {
        if (!advance()) {
          return -1;
        }
      }
      int n = Math.min(len, limit - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }

    private boolean advance() throws IOException {
      if (current != null) {
        pool.release(current);
        current = null;
      }
      if (next == manifest.chunks().size()) {
        return false;
      }
      try {
        Future<byte[]> fetched = takeNext();
        current = fetched.get();
      } catch (ExecutionException e) {
        fail(e.getCause());
        throw new IOException("fetching chunk " + next + " failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for chunk " + next);
      }
      position = 0;
      limit = manifest.chunks().get(next).length();
      next++;
      return true;
    }

    private Future<byte[]> takeNext() throws IOException, InterruptedException {
      while (true) {
        Future<byte[]> fetched = ordered.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (fetched != null) {
          return fetched;
        }
        Throwable first = failure.get();
        if (first != null) {
          throw new IOException("fetching the ciphertext failed", first);
        }
      }
    }

    @Override
    public void close() {
      if (current != null) {
        pool.release(current);
        current = null;
      }
    }
  }
}
