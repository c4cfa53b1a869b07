package ai.ailock.distribution.client.transfer;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes and sends chunks with up to {@code parallelism} in flight, from a pool of {@code parallelism + 1} buffers
 * (the extra one is being filled while the others are sent). Each chunk's hash is computed on the sending threads
 * and the whole ciphertext's on a thread of its own that takes the chunks in submission order, so the reading
 * thread only reads and encrypts; a buffer returns to the pool once both are done with it. Each chunk is retried
 * on transient failures; the first final failure stops everything and is rethrown to the reading thread. One per
 * upload run.
 */
final class ChunkSender implements AutoCloseable {
  private final UploadService service;
  private final String uploadId;
  private final Retry retry;
  private final ProgressTracker progress;
  private final BufferPool pool;
  private final ExecutorService executor;
  private final ExecutorService wholeHasher;
  private final MessageDigest whole = Digests.sha256(); // the wholeHasher thread's; read after awaitAll()
  private final Phaser inFlight = new Phaser(1);
  private final FirstFailure failure = new FirstFailure();
  private final AtomicInteger sent = new AtomicInteger();
  private final String[] hashes;

  ChunkSender(UploadService service, String uploadId, int chunkCount, int parallelism, int chunkSize, Retry retry,
      ProgressTracker progress) {
    this.hashes = new String[chunkCount];
    this.service = service;
    this.uploadId = uploadId;
    this.retry = retry;
    this.progress = progress;
    this.pool = new BufferPool(parallelism + 1, chunkSize);
    this.executor = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("ailock-upload-" + uploadId));
    this.wholeHasher = Executors.newSingleThreadExecutor(DaemonThreads.named("ailock-upload-hash-" + uploadId));
  }

  /** @return a free buffer, waiting while all are in flight; throws the first send failure */
  byte[] buffer() throws IOException, GeneralSecurityException {
    return pool.acquire(failure::rethrow);
  }

  /** Returns a buffer that was not submitted. */
  void release(byte[] buffer) {
    pool.release(buffer);
  }

  /**
   * Hashes {@code buffer[0, length)} as chunk {@code index} in the background and, if {@code send}, sends it (a
   * resumed upload only hashes the chunks the service holds); it also goes into the whole-ciphertext hash, in
   * submission order. The buffer then returns to the pool.
   */
  void submit(int index, byte[] buffer, int length, boolean send) {
    AtomicInteger users = new AtomicInteger(2);
    Runnable done = () -> {
      if (users.decrementAndGet() == 0) {
        pool.release(buffer);
      }
      inFlight.arriveAndDeregister();
    };
    inFlight.bulkRegister(2);
    wholeHasher.execute(() -> {
      try {
        whole.update(buffer, 0, length);
      } catch (Throwable e) {
        failure.record(e);
      } finally {
        done.run();
      }
    });
    executor.execute(() -> {
      try {
        if (failure.none()) {
          String sha256 = Digests.sha256Hex(buffer, length);
          hashes[index] = sha256;
          if (send) {
            retry.call(() -> {
              service.putChunk(uploadId, index, buffer, length, sha256);
              return null;
            });
            sent.incrementAndGet();
          }
          progress.add(length);
        }
      } catch (Throwable e) {
        failure.record(e);
      } finally {
        done.run();
      }
    });
  }

  /**
   * Waits for every chunk submitted so far; throws the first failure.
   *
   * @return each chunk's SHA-256 (hex), by index
   */
  List<String> awaitAll() throws IOException, GeneralSecurityException {
    inFlight.arriveAndAwaitAdvance();
    failure.rethrow();
    return List.of(hashes); // the phaser's advance orders the workers' writes before this read
  }

  /** @return the SHA-256 (hex) of every chunk submitted, in order; call after {@link #awaitAll()} succeeded */
  String wholeSha256() {
    return Digests.hex(whole);
  }

  int sent() {
    return sent.get();
  }

  /**
   * Stops the workers and waits (up to 10 s) until they have: after a failure, no chunk from this run is still being
   * sent once the upload call has returned, so what the service holds no longer changes.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    wholeHasher.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        return; // a request stuck in the network: its daemon thread ends when the request times out
      }
      wholeHasher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
