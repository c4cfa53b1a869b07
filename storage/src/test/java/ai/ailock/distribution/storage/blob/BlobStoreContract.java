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
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@link BlobStore} contract, run against every adapter. A subclass supplies a store that is empty at the
 * start of each test.
 */
public abstract class BlobStoreContract {
  private static final int MIB = 1024 * 1024;
  private static final BlobKey KEY = new BlobKey("products/p-1/v1/chunks/0");

  /** @return the store under test, empty at the start of each test */
  protected abstract BlobStore store();

  /** @return how many keys the store lists per page when deleting a prefix, if it pages at all */
  protected int listingPageSize() {
    return 1000;
  }

  @Test
  void roundTripsSmallContent() {
    // given
    byte[] content = "ciphertext".getBytes(StandardCharsets.US_ASCII);

    // when
    store().put(KEY, new ByteArrayInputStream(content), content.length);

    // then
    assertThat(readAll(store().open(KEY).orElseThrow())).isEqualTo(content);
    assertThat(store().size(KEY)).contains((long) content.length);
  }

  @Test
  void roundTripsAnEmptyBlob() {
    // when
    store().put(KEY, InputStream.nullInputStream(), 0);

    // then
    assertThat(store().size(KEY)).contains(0L);
    assertThat(readAll(store().open(KEY).orElseThrow())).isEmpty();
    assertThat(readAll(store().open(KEY, 0, 0).orElseThrow())).isEmpty();
  }

  @Test
  void streamsAMultiMebibyteBlobBothWays() {
    // given: generated as it is read, never held in memory
    GeneratedContent content = GeneratedContent.of(42, 9L * MIB + 12_345);

    // when
    store().put(KEY, content.stream(), content.length());

    // then
    assertThat(store().size(KEY)).contains(content.length());
    assertThat(GeneratedContent.sha256Of(store().open(KEY).orElseThrow()))
        .isEqualTo(content.sha256(0, content.length()));
  }

  @Test
  void opensRangesAtTheStartInTheMiddleAndAtTheEnd() {
    // given
    GeneratedContent content = GeneratedContent.of(7, 2L * MIB + 3);
    store().put(KEY, content.stream(), content.length());
    long size = content.length();

    // then
    assertThat(readAll(store().open(KEY, 0, 1000).orElseThrow())).isEqualTo(content.bytes(0, 1000));
    assertThat(readAll(store().open(KEY, 1_234_567, 4096).orElseThrow())).isEqualTo(content.bytes(1_234_567, 4096));
    assertThat(readAll(store().open(KEY, size - 17, 17).orElseThrow())).isEqualTo(content.bytes(size - 17, 17));
    assertThat(readAll(store().open(KEY, size - 1, 1).orElseThrow())).isEqualTo(content.bytes(size - 1, 1));
    assertThat(GeneratedContent.sha256Of(store().open(KEY, MIB, size - MIB).orElseThrow()))
        .isEqualTo(content.sha256(MIB, size - MIB));
  }

  @Test
  void opensAnEmptyRangeAtTheEnd() {
    // given
    store().put(KEY, GeneratedContent.of(1, 100).stream(), 100);

    // then
    assertThat(readAll(store().open(KEY, 100, 0).orElseThrow())).isEmpty();
  }

  @Test
  void rejectsRangesOutsideTheBlob() {
    // given
    store().put(KEY, GeneratedContent.of(1, 100).stream(), 100);

    // then
    assertThatThrownBy(() -> store().open(KEY, 90, 11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, 100, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, 101, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, 500, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, Long.MAX_VALUE, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAnyRangeOfAnEmptyBlobButTheEmptyOne() {
    // given
    store().put(KEY, InputStream.nullInputStream(), 0);

    // then
    assertThatThrownBy(() -> store().open(KEY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(KEY, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void returnsEmptyForAnUnknownKey() {
    assertThat(store().open(new BlobKey("unknown/key"))).isEmpty();
    assertThat(store().open(new BlobKey("unknown/key"), 0, 10)).isEmpty();
    assertThat(store().open(new BlobKey("unknown/key"), 0, 0)).isEmpty();
    assertThat(store().size(new BlobKey("unknown/key"))).isEmpty();
  }

  @Test
  void refusesASecondPutOfTheSameBytesAndKeepsTheFirst() {
    // given
    GeneratedContent content = GeneratedContent.of(3, 5000);
    store().put(KEY, content.stream(), content.length());

    // when
    Throwable refusal = catchThrowable(() -> store().put(KEY, content.stream(), content.length()));

    // then
    assertThat(refusal).isInstanceOf(BlobAlreadyExistsException.class);
    assertThat(GeneratedContent.sha256Of(store().open(KEY).orElseThrow())).isEqualTo(content.sha256(0, 5000));
  }

  @Test
  void refusesASecondPutOfOtherBytesAndKeepsTheFirst() {
    // given
    GeneratedContent first = GeneratedContent.of(3, 5000);
    store().put(KEY, first.stream(), first.length());

    // when
    Throwable refusal = catchThrowable(() -> store().put(KEY, GeneratedContent.of(4, 6000).stream(), 6000));

    // then
    assertThat(refusal).isInstanceOf(BlobAlreadyExistsException.class);
    assertThat(store().size(KEY)).contains(5000L);
    assertThat(GeneratedContent.sha256Of(store().open(KEY).orElseThrow())).isEqualTo(first.sha256(0, 5000));
  }

  @Test
  void storesNothingWhenTheContentStreamThrowsMidway() {
    // given
    IOException failure = new IOException("connection reset by buyer");
    InputStream content = failingAfter(GeneratedContent.of(5, 3L * MIB).stream(), MIB + 17, failure);

    // when
    Throwable thrown = catchThrowable(() -> store().put(KEY, content, 3L * MIB));

    // then
    assertThat(thrown).isInstanceOf(BlobStoreException.class).isNotInstanceOf(BlobAlreadyExistsException.class);
    assertThat(thrown.getCause()).isSameAs(failure);
    assertNothingUnder(KEY);
  }

  @Test
  void storesNothingWhenTheContentStreamThrowsAnUncheckedException() {
    // given
    IllegalStateException failure = new IllegalStateException("generator broke");
    InputStream content = failingAfter(GeneratedContent.of(5, 1000).stream(), 10, failure);

    // when
    Throwable thrown = catchThrowable(() -> store().put(KEY, content, 1000));

    // then
    assertThat(thrown).isInstanceOf(BlobStoreException.class);
    assertThat(thrown.getCause()).isSameAs(failure);
    assertNothingUnder(KEY);
  }

  @Test
  void storesNothingWhenTheContentIsShorterThanDeclared() {
    // when
    Throwable thrown = catchThrowable(() -> store().put(KEY, GeneratedContent.of(6, MIB).stream(), MIB + 1));

    // then
    assertThat(thrown).isInstanceOf(BlobStoreException.class).hasMessageContaining("ended");
    assertNothingUnder(KEY);
  }

  @Test
  void storesNothingWhenTheContentIsLongerThanDeclared() {
    // when
    Throwable thrown = catchThrowable(() -> store().put(KEY, GeneratedContent.of(6, MIB + 1).stream(), MIB));

    // then
    assertThat(thrown).isInstanceOf(BlobStoreException.class).hasMessageContaining("longer");
    assertNothingUnder(KEY);
  }

  @Test
  void storesNothingWhenNonEmptyContentIsDeclaredEmpty() {
    // when
    Throwable thrown = catchThrowable(() -> store().put(KEY, new ByteArrayInputStream(new byte[] {1}), 0));

    // then
    assertThat(thrown).isInstanceOf(BlobStoreException.class).hasMessageContaining("longer");
    assertNothingUnder(KEY);
  }

  @Test
  void rejectsANegativeLength() {
    assertThatThrownBy(() -> store().put(KEY, InputStream.nullInputStream(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deletesIdempotently() {
    // given
    store().put(KEY, GeneratedContent.of(8, 10).stream(), 10);

    // when
    store().delete(KEY);
    store().delete(KEY);
    store().delete(new BlobKey("never/stored"));

    // then
    assertNothingUnder(KEY);
  }

  @Test
  void acceptsAPutAgainOnceDeleted() {
    // given
    store().put(KEY, GeneratedContent.of(8, 10).stream(), 10);
    store().delete(KEY);

    // when
    store().put(KEY, GeneratedContent.of(9, 20).stream(), 20);

    // then
    assertThat(store().size(KEY)).contains(20L);
  }

  @Test
  void deletesExactlyTheBlobsUnderAPrefix() {
    // given
    List<BlobKey> doomed = List.of(new BlobKey("t/a/b/0"), new BlobKey("t/a/b/1"), new BlobKey("t/a/b/c/d/2"));
    List<BlobKey> kept = List.of(new BlobKey("t/a/bc/0"), new BlobKey("t/a/b.0"), new BlobKey("t/a/0"),
        new BlobKey("t/x/b/0"));
    for (BlobKey key : concat(doomed, kept)) {
      store().put(key, GeneratedContent.of(1, 10).stream(), 10);
    }

    // when
    store().deleteAll(new BlobKey("t/a/b"));

    // then
    doomed.forEach(key -> assertThat(store().size(key)).as(key.value()).isEmpty());
    kept.forEach(key -> assertThat(store().size(key)).as(key.value()).contains(10L));
  }

  @Test
  void deletesAPrefixIdempotently() {
    // given
    store().put(new BlobKey("p/1"), GeneratedContent.of(1, 10).stream(), 10);

    // when
    store().deleteAll(new BlobKey("p"));
    store().deleteAll(new BlobKey("p"));
    store().deleteAll(new BlobKey("never/used"));

    // then
    assertThat(store().size(new BlobKey("p/1"))).isEmpty();
  }

  @Test
  void deletesAPrefixSpanningManyListingPages() {
    // given: more objects than fit one listing page
    int count = 2 * listingPageSize() + 5;
    for (int i = 0; i < count; i++) {
      store().put(new BlobKey("many/" + i), new ByteArrayInputStream(new byte[] {(byte) i}), 1);
    }

    // when
    store().deleteAll(new BlobKey("many"));

    // then
    for (int i = 0; i < count; i++) {
      assertThat(store().size(new BlobKey("many/" + i))).as("many/" + i).isEmpty();
    }
  }

  @Test
  void letsExactlyOneOfConcurrentPutsOfOneKeyWin() throws Exception {
    // given
    int writers = 8;
    long length = 256 * 1024;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Long>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        long seed = 100 + i;
        outcomes.add(pool.submit(() -> {
          start.await();
          store().put(KEY, GeneratedContent.of(seed, length).stream(), length);
          return seed;
        }));
      }

      // when
      start.countDown();

      // then
      List<Long> winners = new ArrayList<>();
      int refused = 0;
      for (Future<Long> outcome : outcomes) {
        try {
          winners.add(outcome.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(BlobAlreadyExistsException.class);
          refused++;
        }
      }
      assertThat(winners).hasSize(1);
      assertThat(refused).isEqualTo(writers - 1);
      assertThat(GeneratedContent.sha256Of(store().open(KEY).orElseThrow()))
          .isEqualTo(GeneratedContent.of(winners.get(0), length).sha256(0, length));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsBlobsUnderDifferentKeysApart() {
    // given
    BlobKey other = new BlobKey("products/p-1/v1/chunks/1");

    // when
    store().put(KEY, GeneratedContent.of(1, 10).stream(), 10);
    store().put(other, GeneratedContent.of(2, 20).stream(), 20);
    store().delete(KEY);

    // then
    assertThat(store().size(KEY)).isEmpty();
    assertThat(readAll(store().open(other).orElseThrow())).isEqualTo(GeneratedContent.of(2, 20).bytes(0, 20));
  }

  protected void assertNothingUnder(BlobKey key) {
    assertThat(store().size(key)).isEmpty();
    assertThat(store().open(key)).isEmpty();
  }

  protected static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code source}, failing with {@code failure} once {@code goodBytes} have been read */
  protected static InputStream failingAfter(InputStream source, long goodBytes, Exception failure) {
    InputStream thenFail = new InputStream() {
      @Override
      public int read() throws IOException {
        if (failure instanceof IOException) {
          throw (IOException) failure;
        }
        throw (RuntimeException) failure;
      }
    };
    return new SequenceInputStream(new BoundedInputStream(source, goodBytes), thenFail);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static final class BoundedInputStream extends InputStream {
    private final InputStream source;
    private long remaining;

    BoundedInputStream(InputStream source, long limit) {
      this.source = source;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      return source.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int n = source.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }
}
