package ai.ailock.distribution.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.ailock.distribution.engine.blob.BlobAlreadyExistsException;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemBlobStoreTest extends BlobStoreContract {
  @TempDir
  Path temp;

  private Path root;
  private Path outside;
  private FileSystemBlobStore store;

  @BeforeEach
  void createStore() throws IOException {
    root = temp.resolve("blobs");
    outside = Files.createDirectory(temp.resolve("outside"));
    store = new FileSystemBlobStore(root);
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Override
  protected int listingPageSize() {
    return 10; // deletes walk the directory; there are no pages to span
  }

  @Test
  void namesItsTypeFilesystem() {
    assertThat(store.type()).isEqualTo("filesystem");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../x", "a/../../x", "a/..", "/etc/passwd", "a//b", "a/", ".", "./a", "a/./b",
      "a\\..\\b", "..\\x", "a b", "a/%2e%2e", "a\u0000b", "~/x", "a/b:c", ""})
  void refusesKeysAHostileCallerMightPass(String hostile) {
    assertThatThrownBy(() -> new BlobKey(hostile)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesKeysInTheReservedTemporaryDirectory() {
    assertThatThrownBy(() -> store.put(new BlobKey(".tmp/x"), new ByteArrayInputStream(new byte[1]), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.deleteAll(new BlobKey(".tmp"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsBlobsInsideTheRoot() {
    // when
    store.put(new BlobKey("a/b/c"), new ByteArrayInputStream(new byte[3]), 3);

    // then
    assertThat(root.resolve("a/b/c")).isRegularFile().hasSize(3);
  }

  @Test
  void doesNotWriteThroughALinkPlantedInsideTheRoot() throws IOException {
    // given
    Files.createSymbolicLink(root.resolve("planted"), outside);

    // when
    Throwable thrown = catchThrowable(
        () -> store.put(new BlobKey("planted/x/y"), new ByteArrayInputStream(new byte[3]), 3));

    // then
    assertThat(thrown).isInstanceOf(BlobStoreException.class).hasMessageContaining("leads out of the store");
    assertThat(outside).isEmptyDirectory();
    assertThat(root.resolve(".tmp")).isEmptyDirectory();
  }

  @Test
  void doesNotReadOrDeleteThroughALinkPlantedInsideTheRoot() throws IOException {
    // given
    Files.writeString(outside.resolve("secret"), "not yours");
    Files.createSymbolicLink(root.resolve("planted"), outside);
    Files.createSymbolicLink(root.resolve("file-link"), outside.resolve("secret"));

    // then
    assertThatThrownBy(() -> store.open(new BlobKey("planted/secret"))).isInstanceOf(BlobStoreException.class);
    assertThatThrownBy(() -> store.delete(new BlobKey("planted/secret"))).isInstanceOf(BlobStoreException.class);
    assertThatThrownBy(() -> store.deleteAll(new BlobKey("planted/x"))).isInstanceOf(BlobStoreException.class);
    store.deleteAll(new BlobKey("planted")); // a link, not a directory of blobs: nothing to delete
    assertThat(store.open(new BlobKey("file-link"))).isEmpty();
    assertThat(store.size(new BlobKey("file-link"))).isEmpty();
    assertThat(outside.resolve("secret")).hasContent("not yours");
  }

  @Test
  void neverReplacesALinkPlantedAtTheKey() throws IOException {
    // given
    Files.writeString(outside.resolve("target"), "untouched");
    Files.createSymbolicLink(root.resolve("k"), outside.resolve("target"));

    // when
    Throwable thrown = catchThrowable(() -> store.put(new BlobKey("k"), new ByteArrayInputStream(new byte[3]), 3));

    // then
    assertThat(thrown).isInstanceOf(BlobAlreadyExistsException.class);
    assertThat(outside.resolve("target")).hasContent("untouched");
  }

  @Test
  void leavesNoTemporaryFilesBehindAfterFailures() {
    // given
    BlobKey key = new BlobKey("k");
    store.put(key, new ByteArrayInputStream(new byte[1]), 1);

    // when
    catchThrowable(() -> store.put(key, new ByteArrayInputStream(new byte[1]), 1));
    catchThrowable(() -> store.put(new BlobKey("short"), new ByteArrayInputStream(new byte[1]), 2));
    catchThrowable(() -> store.put(new BlobKey("long"), new ByteArrayInputStream(new byte[3]), 2));
    catchThrowable(() -> store.put(new BlobKey("broken"),
        failingAfter(new ByteArrayInputStream(new byte[10]), 5, new IOException("boom")), 10));

    // then
    assertThat(root.resolve(".tmp")).isEmptyDirectory();
    assertThat(root.resolve("short")).doesNotExist();
    assertThat(root.resolve("long")).doesNotExist();
    assertThat(root.resolve("broken")).doesNotExist();
  }

  @Test
  void removesDirectoriesThatDeletesLeaveEmpty() throws IOException {
    // given
    store.put(new BlobKey("x/y/z/1"), new ByteArrayInputStream(new byte[1]), 1);
    store.put(new BlobKey("q/r/1"), new ByteArrayInputStream(new byte[1]), 1);

    // when
    store.delete(new BlobKey("x/y/z/1"));
    store.deleteAll(new BlobKey("q/r"));

    // then
    try (Stream<Path> entries = Files.list(root)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(".tmp");
    }
  }

  @Test
  void cannotHoldABlobAtAKeyAndBelowIt() {
    // given
    store.put(new BlobKey("a"), new ByteArrayInputStream(new byte[1]), 1);
    store.put(new BlobKey("b/c"), new ByteArrayInputStream(new byte[1]), 1);

    // then
    assertThatThrownBy(() -> store.put(new BlobKey("a/c"), new ByteArrayInputStream(new byte[1]), 1))
        .isInstanceOf(BlobStoreException.class).isNotInstanceOf(BlobAlreadyExistsException.class);
    assertThatThrownBy(() -> store.put(new BlobKey("b"), new ByteArrayInputStream(new byte[1]), 1))
        .isInstanceOf(BlobStoreException.class).isNotInstanceOf(BlobAlreadyExistsException.class);
    assertThat(store.size(new BlobKey("b"))).isEmpty();
    assertThat(store.open(new BlobKey("b"))).isEmpty();
  }

  @Test
  void survivesConcurrentPutsAndDeletesOfNeighbouringKeys() throws Exception {
    // given: writers whose keys share a directory that deletes keep removing and puts keep recreating
    int writers = 4;
    int rounds = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> outcomes = new ArrayList<>();
    try {
      // when
      for (int w = 0; w < writers; w++) {
        BlobKey key = new BlobKey("shared/dir/writer-" + w);
        outcomes.add(pool.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            store.put(key, GeneratedContent.of(round, 100).stream(), 100);
            store.delete(key);
          }
          return null;
        }));
      }

      // then
      for (Future<?> outcome : outcomes) {
        outcome.get(120, TimeUnit.SECONDS);
      }
      assertThat(store.size(new BlobKey("shared/dir/writer-0"))).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void removesStaleTemporaryFilesOnStart() throws IOException {
    // given
    Path stale = Files.writeString(root.resolve(".tmp/put-stale.part"), "crash leftover");
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path fresh = Files.writeString(root.resolve(".tmp/put-fresh.part"), "another process is writing");

    // when
    new FileSystemBlobStore(root);

    // then
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void opensTheSameBlobAfterARestart() {
    // given
    store.put(new BlobKey("k"), new ByteArrayInputStream("kept".getBytes(StandardCharsets.US_ASCII)), 4);

    // when
    FileSystemBlobStore reopened = new FileSystemBlobStore(root);

    // then
    assertThat(readAll(reopened.open(new BlobKey("k")).orElseThrow())).asString(StandardCharsets.US_ASCII)
        .isEqualTo("kept");
  }
}
