package ai.ailock.distribution.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.fixtures.InMemoryBlobStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrailingDigestsTest {
  private final CountingBlobStore blobs = new CountingBlobStore();
  private final TrailingDigests digests = new TrailingDigests(new CiphertextDigest(blobs), 4);
  private final UploadId upload = new UploadId(UUID.randomUUID());
  private final List<StoredChunk> chunks = stored(upload, 6);
  private final String wholeSha256 = new CiphertextDigest(blobs).sha256(chunks);

  @Test
  void hashesChunksHeldInOrderWithoutReadingThemAgainAtTheEnd() {
    chunks.forEach(chunk -> digests.held(upload, chunk));
    blobs.opened.set(0);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
    assertThat(blobs.opened).as("chunks read at completion").hasValue(0);
  }

  @Test
  void foldsChunksThatArriveEarlyOnceTheirTurnComes() {
    List.of(3, 1, 5, 0, 4, 2).forEach(index -> digests.held(upload, chunks.get(index)));
    blobs.opened.set(0);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
    assertThat(blobs.opened).hasValue(0);
  }

  @Test
  void readsOnlyWhatItHasNotFoldedWhenChunksAreMissingOrCameElsewhere() {
    List.of(0, 1, 3).forEach(index -> digests.held(upload, chunks.get(index)));
    blobs.opened.set(0);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
    assertThat(blobs.opened).as("chunks 2 to 5").hasValue(4);
  }

  @Test
  void hashesEverythingForAnUploadItNeverSawOrForgot() {
    chunks.forEach(chunk -> digests.held(upload, chunk));
    digests.forget(upload);
    blobs.opened.set(0);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
    assertThat(blobs.opened).hasValue(6);
  }

  @Test
  void startsOverWhenWhatItFoldedIsNotWhatTheDatabaseHolds() {
    List<StoredChunk> other = stored(upload, 6);
    other.forEach(chunk -> digests.held(upload, chunk));

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
  }

  @Test
  void startsOverWhenAChunkCouldNotBeReadWhileFolding() {
    UploadId lost = new UploadId(UUID.randomUUID());
    List<StoredChunk> held = stored(lost, 3);
    blobs.delete(held.get(1).blobKey());
    held.forEach(chunk -> digests.held(lost, chunk));

    assertThatThrownBy(() -> digests.sha256(lost, held)).isInstanceOf(BlobStoreException.class)
        .hasMessageContaining("chunk 1 is missing");
  }

  @Test
  void forgetsTheLeastRecentlyUsedUploadsBeyondItsCapacity() {
    chunks.forEach(chunk -> digests.held(upload, chunk));
    for (int i = 0; i < 4; i++) {
      UploadId another = new UploadId(UUID.randomUUID());
      digests.held(another, stored(another, 1).get(0));
    }
    blobs.opened.set(0);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
    assertThat(blobs.opened).hasValue(6);
  }

  @Test
  void foldsEveryChunkOnceWhenManyThreadsHoldThemAtOnce() throws Exception {
    UploadId busy = new UploadId(UUID.randomUUID());
    List<StoredChunk> many = stored(busy, 64);
    String expected = new CiphertextDigest(blobs).sha256(many);
    var next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        workers.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < many.size(); ) {
            digests.held(busy, many.get(i));
          }
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    blobs.opened.set(0);

    assertThat(digests.sha256(busy, many)).isEqualTo(expected);
    assertThat(blobs.opened).as("nothing left to read").hasValue(0);
  }

  private List<StoredChunk> stored(UploadId id, int count) {
    var random = new Random();
    List<StoredChunk> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[1000 + random.nextInt(5000)];
      random.nextBytes(bytes);
      String sha256 = Sha256Hex.of(bytes);
      BlobKey key = new BlobKey("uploads/" + id + "/chunk-" + i + "-" + sha256);
      blobs.put(key, new ByteArrayInputStream(bytes), bytes.length);
      stored.add(new StoredChunk(i, bytes.length, sha256, key));
    }
    return stored;
  }

  /** Counts the objects opened, to tell what was read again. */
  private static final class CountingBlobStore implements BlobStore {
    final AtomicInteger opened = new AtomicInteger();
    private final InMemoryBlobStore delegate = new InMemoryBlobStore();

    @Override
    public String type() {
      return delegate.type();
    }

    @Override
    public void put(BlobKey key, InputStream content, long length) {
      delegate.put(key, content, length);
    }

    @Override
    public Optional<InputStream> open(BlobKey key, long offset, long length) {
      opened.incrementAndGet();
      return delegate.open(key, offset, length);
    }

    @Override
    public Optional<InputStream> open(BlobKey key) {
      opened.incrementAndGet();
      return delegate.open(key);
    }

    @Override
    public Optional<Long> size(BlobKey key) {
      return delegate.size(key);
    }

    @Override
    public void delete(BlobKey key) {
      delegate.delete(key);
    }

    @Override
    public void deleteAll(BlobKey prefix) {
      delegate.deleteAll(prefix);
    }
  }
}
