package ai.ailock.distribution.engine.download;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.PublishedProduct;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.Sha256Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadContentTest {
  private final EngineFixture engine = EngineFixture.create();
  private final ReadContent readContent = engine.readContent();
  private final RegisteredAilock seller = engine.registeredSeller();
  private final PublishedProduct published = engine.publishedProduct(seller, 150_000); // 3 chunks
  private final ProductId productId = published.product().id();
  private final int chunkSize = published.session().chunkSize();

  @Test
  void servesTheSignedManifestToTheOwner() {
    assertThat(readContent.manifest(seller.caller(), productId)).isEqualTo(published.manifest().canonicalJson());
  }

  @Test
  void servesEachWholeChunkToTheOwner() {
    for (int index = 0; index < 3; index++) {
      byte[] expected = chunk(index);

      ChunkContent content = readContent.chunk(seller.caller(), productId, index, null);

      assertThat(content.index()).isEqualTo(index);
      assertThat(content.chunkLength()).isEqualTo(expected.length);
      assertThat(content.sha256()).isEqualTo(Sha256Hex.of(expected));
      assertThat(content.offset()).isZero();
      assertThat(content.length()).isEqualTo(expected.length);
      assertThat(content.partial()).isFalse();
      assertThat(read(content)).isEqualTo(expected);
    }
  }

  @Test
  void hidesAnotherAilocksProductExactlyLikeAMissingOne() {
    RegisteredAilock stranger = engine.registeredSeller();

    String foreign = assertRefused(() -> readContent.manifest(stranger.caller(), productId),
        ErrorCode.PRODUCT_NOT_FOUND).getMessage();
    String missing = assertRefused(() -> readContent.manifest(stranger.caller(), new ProductId(UUID.randomUUID())),
        ErrorCode.PRODUCT_NOT_FOUND).getMessage();
    assertRefused(() -> readContent.chunk(stranger.caller(), productId, 0, null), ErrorCode.PRODUCT_NOT_FOUND);

    assertThat(foreign).isEqualTo(missing);
  }

  @Test
  void refusesADraftWhoseContentWasNeverPublished() {
    Product draft = engine.draftProduct(seller, 100);

    assertRefused(() -> readContent.manifest(seller.caller(), draft.id()), ErrorCode.PRODUCT_NOT_READY);
    assertRefused(() -> readContent.chunk(seller.caller(), draft.id(), 0, null), ErrorCode.PRODUCT_NOT_READY);
  }

  @Test
  void servesContentUntilTheLastInstantOfRetention() {
    engine.clock().set(Objects.requireNonNull(published.product().expiresAt()).minusNanos(1));

    assertThat(readContent.manifest(seller.caller(), productId)).isNotEmpty();
  }

  @Test
  void refusesContentOnceTheRetentionPeriodHasEnded() {
    engine.clock().advance(Duration.ofDays(7));

    assertRefused(() -> readContent.manifest(seller.caller(), productId), ErrorCode.PRODUCT_EXPIRED);
    assertRefused(() -> readContent.chunk(seller.caller(), productId, 0, null), ErrorCode.PRODUCT_EXPIRED);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 3})
  void refusesAnIndexWithoutAChunk(int index) {
    assertRefused(() -> readContent.chunk(seller.caller(), productId, index, null),
        ErrorCode.CHUNK_INDEX_OUT_OF_RANGE);
  }

  @Test
  void servesTheFirstBytesOfAChunk() {
    ChunkContent content = readContent.chunk(seller.caller(), productId, 1, new ByteRange(0, 9));

    assertThat(content.offset()).isZero();
    assertThat(content.length()).isEqualTo(10);
    assertThat(content.partial()).isTrue();
    assertThat(content.chunkLength()).isEqualTo(chunkSize);
    assertThat(read(content)).isEqualTo(Arrays.copyOfRange(chunk(1), 0, 10));
  }

  @Test
  void servesTheLastByteOfAChunk() {
    int last = chunk(2).length - 1;

    ChunkContent content = readContent.chunk(seller.caller(), productId, 2, new ByteRange(last, last));

    assertThat(content.offset()).isEqualTo(last);
    assertThat(content.length()).isEqualTo(1);
    assertThat(read(content)).containsExactly(chunk(2)[last]);
  }

  @Test
  void clampsARangeThatEndsBeyondTheChunk() {
    int length = chunk(2).length;

    ChunkContent content = readContent.chunk(seller.caller(), productId, 2,
        new ByteRange(length - 10, length + 1_000));

    assertThat(content.length()).isEqualTo(10);
    assertThat(read(content)).isEqualTo(Arrays.copyOfRange(chunk(2), length - 10, length));
  }

  @Test
  void refusesARangeThatStartsBeyondTheChunk() {
    int length = chunk(0).length;

    assertRefused(() -> readContent.chunk(seller.caller(), productId, 0, new ByteRange(length, length + 5)),
        ErrorCode.RANGE_NOT_SATISFIABLE);
  }

  private byte[] chunk(int index) {
    return published.ciphertext().chunk(index, chunkSize);
  }

  private static byte[] read(ChunkContent content) {
    try (InputStream in = content.bytes()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
