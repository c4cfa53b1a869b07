package ai.ailock.distribution.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.fixtures.InMemoryBlobStore;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrailingDigestsTest {
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final TrailingDigests digests = new TrailingDigests(new CiphertextDigest(blobs), 4);
  private final UploadId upload = new UploadId(UUID.randomUUID());
  private final List<StoredChunk> chunks = stored(upload, 6);
  private final String wholeSha256 = wholeSha256(chunks);

  @Test
  void hashesChunksHeldInOrderWithoutReadingThemAgainAtTheEnd() {
    chunks.forEach(chunk -> digests.held(upload, chunk));
    deleteFromTheStore(chunks);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
  }

  @Test
  void foldsChunksThatArriveEarlyOnceTheirTurnComes() {
    List.of(3, 1, 5, 0, 4, 2).forEach(index -> digests.held(upload, chunks.get(index)));
    deleteFromTheStore(chunks);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
  }

  @Test
  void readsOnlyWhatItHasNotFoldedWhenChunksAreMissingOrCameElsewhere() {
    List.of(0, 1, 3).forEach(index -> digests.held(upload, chunks.get(index)));
    deleteFromTheStore(chunks.subList(0, 2));

    assertThat(digests.sha256(upload, chunks)).as("chunks 2 to 5 read from the store").isEqualTo(wholeSha256);
  }

  @Test
  void hashesEverythingFromTheStoreForAnUploadItForgot() {
    chunks.forEach(chunk -> digests.held(upload, chunk));
    digests.forget(upload);

    assertThat(digests.sha256(upload, chunks)).isEqualTo(wholeSha256);
    deleteFromTheStore(chunks.subList(0, 1));
    assertThatThrownBy(() -> digests.sha256(upload, chunks)).isInstanceOf(BlobStoreException.class);
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
    deleteFromTheStore(chunks.subList(0, 1));

    assertThatThrownBy(() -> digests.sha256(upload, chunks)).as("read from the store again")
        .isInstanceOf(BlobStoreException.class);
  }

  @Test
  void foldsEveryChunkOnceWhenManyThreadsHoldThemAtOnce() throws Exception {
    UploadId busy = new UploadId(UUID.randomUUID());
    List<StoredChunk> many = stored(busy, 64);
    String expected = wholeSha256(many);
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
    deleteFromTheStore(many);

    assertThat(digests.sha256(busy, many)).as("nothing left to read").isEqualTo(expected);
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

  private String wholeSha256(List<StoredChunk> inOrder) {
    MessageDigest digest = Sha256Hex.newDigest();
    inOrder.forEach(chunk -> digest.update(blobs.bytes(chunk.blobKey()).orElseThrow()));
    return HexFormat.of().formatHex(digest.digest());
  }

  private void deleteFromTheStore(List<StoredChunk> stored) {
    stored.forEach(chunk -> blobs.delete(chunk.blobKey()));
  }
}
