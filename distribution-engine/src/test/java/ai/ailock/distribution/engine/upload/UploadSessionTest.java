package ai.ailock.distribution.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadSessionTest {
  private static final int CHUNK = 65_536;
  private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant EXPIRES = CREATED.plusSeconds(3600);

  @ParameterizedTest(name = "{0} bytes in chunks of {1} -> {2} chunks")
  @CsvSource({
      "72, 65536, 1",
      "65535, 65536, 1",
      "65536, 65536, 1",
      "65537, 65536, 2",
      "131072, 65536, 2",
      "131073, 65536, 3",
      "209920072, 4194304, 51"})
  void countsChunksRoundingUp(long totalSize, int chunkSize, int chunks) {
    assertThat(UploadSession.chunkCount(totalSize, chunkSize)).isEqualTo(chunks);
  }

  @Test
  void givesEveryChunkButTheLastTheFullSize() {
    UploadSession session = session(150_216, UploadState.OPEN);

    assertThat(session.chunkLength(0)).isEqualTo(CHUNK);
    assertThat(session.chunkLength(1)).isEqualTo(CHUNK);
    assertThat(session.chunkLength(2)).isEqualTo(150_216 - 2 * CHUNK);
  }

  @Test
  void givesTheLastChunkTheFullSizeWhenTheTotalIsAMultiple() {
    assertThat(session(2L * CHUNK, UploadState.OPEN).chunkLength(1)).isEqualTo(CHUNK);
  }

  @Test
  void refusesLengthsOfChunksOutsideTheUpload() {
    UploadSession session = session(150_216, UploadState.OPEN);

    assertThatThrownBy(() -> session.chunkLength(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> session.chunkLength(3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void placesChunksAtMultiplesOfTheChunkSizeWithoutOverflow() {
    UploadSession session = session(150_216, UploadState.OPEN);

    assertThat(session.chunkOffset(0)).isZero();
    assertThat(session.chunkOffset(2)).isEqualTo(2L * CHUNK);
    assertThat(session.chunkOffset(40_000)).isEqualTo(40_000L * CHUNK);
  }

  @Test
  void acceptsChunksOnlyWhileOpenAndBeforeItsExpiry() {
    UploadSession open = session(150_216, UploadState.OPEN);

    assertThat(open.acceptsChunks(EXPIRES.minusNanos(1))).isTrue();
    assertThat(open.acceptsChunks(EXPIRES)).isFalse();
    assertThat(session(150_216, UploadState.COMPLETED).acceptsChunks(CREATED)).isFalse();
    assertThat(session(150_216, UploadState.EXPIRED).acceptsChunks(CREATED)).isFalse();
  }

  @Test
  void keysEachChunkByIndexAndHashUnderThePrefix() {
    UploadSession session = session(150_216, UploadState.OPEN);
    String sha = "ab".repeat(32);

    assertThat(session.chunkKey(7, sha))
        .isEqualTo(new BlobKey(session.storagePrefix().value() + "/chunk-000007-" + sha));
  }

  private static UploadSession session(long totalSize, UploadState state) {
    var id = new UploadId(UUID.randomUUID());
    var product = new ProductId(UUID.randomUUID());
    return new UploadSession(id, product, 1, new AilockId("seller"), totalSize, CHUNK,
        UploadSession.chunkCount(totalSize, CHUNK), "filesystem", new BlobKey("products/" + product + "/v1/" + id),
        state, null, CREATED, EXPIRES);
  }
}
