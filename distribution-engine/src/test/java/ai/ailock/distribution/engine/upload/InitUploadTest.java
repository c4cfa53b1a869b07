package ai.ailock.distribution.engine.upload;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitUploadTest {
  private static final long PRODUCT_SIZE = 150_000; // 150 216 ciphertext bytes: chunks of 65 536, 65 536, 19 144

  private final EngineFixture engine = EngineFixture.create();
  private final InitUpload initUpload = engine.initUpload();
  private final RegisteredAilock seller = engine.registeredSeller();
  private final Product product = engine.draftProduct(seller, PRODUCT_SIZE);
  private final long ciphertextLength = CiphertextLayout.ciphertextLength(PRODUCT_SIZE);

  @Test
  void opensASessionForTheNextVersionCutIntoChunksOfTheServiceMaximum() {
    Instant now = engine.clock().instant();

    UploadSession session = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);

    assertThat(session.product()).isEqualTo(product.id());
    assertThat(session.contentVersion()).isEqualTo(1);
    assertThat(session.owner()).isEqualTo(seller.id());
    assertThat(session.totalSize()).isEqualTo(150_216);
    assertThat(session.chunkSize()).isEqualTo(Limits.MIN_CHUNK_BYTES);
    assertThat(session.chunkCount()).isEqualTo(3);
    assertThat(session.state()).isEqualTo(UploadState.OPEN);
    assertThat(session.ciphertextSha256()).isNull();
    assertThat(session.storageType()).isEqualTo(engine.blobs().type());
    assertThat(session.storagePrefix()).isEqualTo(new BlobKey("products/" + product.id() + "/v1/" + session.id()));
    assertThat(session.createdAt()).isEqualTo(now);
    assertThat(session.expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
    assertThat(engine.sessions().find(session.id())).contains(session);
  }

  @Test
  void recordsTheStartInTheAuditTrail() {
    UploadSession session = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);

    assertThat(engine.audit().entries("upload.started")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(seller.id().value());
      assertThat(entry.productId()).isEqualTo(product.id().value());
      assertThat(entry.detail()).isEqualTo(Map.of("upload_id", session.id().toString(),
          "ciphertext_length", "150216", "chunk_count", "3"));
    });
  }

  @Test
  void hidesAnotherAilocksProductExactlyLikeAMissingOne() {
    RegisteredAilock stranger = engine.registeredSeller();

    DistributionException foreign = assertRefused(
        () -> initUpload.init(stranger.caller(), product.id(), ciphertextLength, null), ErrorCode.PRODUCT_NOT_FOUND);
    DistributionException missing = assertRefused(
        () -> initUpload.init(stranger.caller(), new ProductId(UUID.randomUUID()), ciphertextLength, null),
        ErrorCode.PRODUCT_NOT_FOUND);

    assertThat(foreign.getMessage()).isEqualTo(missing.getMessage());
    assertThat(engine.sessions().current(product.id(), 1)).isEmpty();
  }

  @Test
  void refusesACiphertextLengthThatDoesNotFitTheProductSize() {
    DistributionException tooLong = assertRefused(
        () -> initUpload.init(seller.caller(), product.id(), ciphertextLength + 1, null),
        ErrorCode.CIPHERTEXT_LENGTH_MISMATCH);
    assertRefused(() -> initUpload.init(seller.caller(), product.id(), ciphertextLength - 1, null),
        ErrorCode.CIPHERTEXT_LENGTH_MISMATCH);
    assertRefused(() -> initUpload.init(seller.caller(), product.id(), PRODUCT_SIZE, null),
        ErrorCode.CIPHERTEXT_LENGTH_MISMATCH);

    assertThat(tooLong.getMessage()).contains(Long.toString(ciphertextLength));
    assertThat(engine.sessions().current(product.id(), 1)).isEmpty();
  }

  @ParameterizedTest(name = "requested {0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "none, 262144",
      "-5, 65536",
      "1, 65536",
      "65535, 65536",
      "65536, 65536",
      "100000, 100000",
      "262144, 262144",
      "262145, 262144",
      "2147483647, 262144"})
  void clampsTheRequestedChunkSizeBetweenTheMinimumAndTheServiceMaximum(Integer requested, int granted) {
    var engine = EngineFixture.withLimits(new Limits(4 * 1024 * 1024, 256 * 1024, Duration.ofHours(1)));
    RegisteredAilock seller = engine.registeredSeller();
    Product product = engine.draftProduct(seller, 1_000_000);
    long length = CiphertextLayout.ciphertextLength(product.size());

    UploadSession session = engine.initUpload().init(seller.caller(), product.id(), length, requested);

    assertThat(session.chunkSize()).isEqualTo(granted);
    assertThat(session.chunkCount()).isEqualTo(UploadSession.chunkCount(length, granted));
  }

  @Test
  void resumesTheOpenSessionInsteadOfStartingAnother() {
    UploadSession first = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);
    engine.clock().advance(Duration.ofMinutes(59));

    UploadSession again = initUpload.init(seller.caller(), product.id(), ciphertextLength, 200_000);

    assertThat(again).isEqualTo(first);
    assertThat(engine.audit().entries("upload.started")).hasSize(1);
  }

  @Test
  void startsAFreshSessionOnceTheExpiredOneWasSwept() {
    UploadSession first = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);
    engine.clock().advance(Duration.ofHours(1));
    engine.expireUploads().sweep(10);

    UploadSession fresh = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);

    assertThat(fresh.id()).isNotEqualTo(first.id());
    assertThat(fresh.acceptsChunks(engine.clock().instant())).isTrue();
    assertThat(fresh.storagePrefix()).isNotEqualTo(first.storagePrefix());
  }

  @Test
  void startsAFreshSessionWhenTheOpenOneExpiredBeforeAnySweep() {
    UploadSession first = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);
    engine.clock().advance(Duration.ofHours(1));

    UploadSession next = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);

    assertThat(next.id()).isNotEqualTo(first.id());
    assertThat(next.acceptsChunks(engine.clock().instant())).isTrue();
  }

  @Test
  void expiresTheStaleSessionExactlyAsTheSweeperWould() {
    UploadSession stale = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);
    engine.upload(seller, stale, engine.ciphertextFor(stale), 0);
    engine.clock().advance(Duration.ofHours(1));

    initUpload.init(seller.caller(), product.id(), ciphertextLength, null);

    assertThat(engine.sessions().find(stale.id())).map(UploadSession::state).contains(UploadState.EXPIRED);
    assertThat(engine.sessions().chunks(stale.id())).isEmpty();
    assertThat(engine.blobs().keysUnder(stale.storagePrefix())).isEmpty();
    assertThat(engine.audit().entries("upload.expired")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("system");
      assertThat(entry.productId()).isEqualTo(product.id().value());
      assertThat(entry.detail()).containsExactlyEntriesOf(Map.of("upload_id", stale.id().toString()));
    });
    assertThat(engine.expireUploads().sweep(10)).as("nothing left for the sweeper").isZero();
  }

  @Test
  void refusesWhenTheVersionWasCompletedSinceTheProductWasRead() {
    UploadSession first = initUpload.init(seller.caller(), product.id(), ciphertextLength, null);
    engine.sessions().complete(first.id(), "c".repeat(64), engine.clock().instant()); // not yet published

    assertRefused(() -> initUpload.init(seller.caller(), product.id(), ciphertextLength, null),
        ErrorCode.PRODUCT_ALREADY_UPLOADED);
    engine.clock().advance(Duration.ofHours(2));
    assertRefused(() -> initUpload.init(seller.caller(), product.id(), ciphertextLength, null),
        ErrorCode.PRODUCT_ALREADY_UPLOADED);
  }

  @Test
  void refusesAProductWhoseContentIsAlreadyPublished() {
    var published = engine.publishedProduct(seller, PRODUCT_SIZE);

    assertRefused(() -> initUpload.init(seller.caller(), published.product().id(), ciphertextLength, null),
        ErrorCode.PRODUCT_ALREADY_UPLOADED);
  }
}
