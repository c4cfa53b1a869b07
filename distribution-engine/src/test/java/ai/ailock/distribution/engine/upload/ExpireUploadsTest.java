package ai.ailock.distribution.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.fixtures.Ciphertext;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.PublishedProduct;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpireUploadsTest {
  private final EngineFixture engine = EngineFixture.create();
  private final ExpireUploads expireUploads = engine.expireUploads();
  private final RegisteredAilock seller = engine.registeredSeller();

  @Test
  void expiresDueOpenSessionsAndDeletesTheirChunks() {
    UploadSession due = sessionWithOneChunk();
    engine.clock().advance(Duration.ofMinutes(30));
    UploadSession notDue = sessionWithOneChunk();
    PublishedProduct completed = engine.publishedProduct(seller, 100);
    var unrelated = new BlobKey("attachments/a1/chunk-000000");
    engine.blobs().put(unrelated, new ByteArrayInputStream(new byte[] {1}), 1);
    engine.clock().advance(Duration.ofMinutes(30)); // exactly the first session's expiry

    int expired = expireUploads.sweep(100);

    assertThat(expired).isEqualTo(1);
    assertThat(engine.sessions().find(due.id())).map(UploadSession::state).contains(UploadState.EXPIRED);
    assertThat(engine.sessions().chunks(due.id())).isEmpty();
    assertThat(engine.blobs().keysUnder(due.storagePrefix())).isEmpty();
    assertThat(engine.sessions().find(notDue.id())).map(UploadSession::state).contains(UploadState.OPEN);
    assertThat(engine.blobs().keysUnder(notDue.storagePrefix())).hasSize(1);
    assertThat(engine.sessions().chunks(notDue.id())).hasSize(1);
    assertThat(engine.sessions().find(completed.session().id())).map(UploadSession::state)
        .contains(UploadState.COMPLETED);
    assertThat(engine.blobs().keysUnder(completed.session().storagePrefix())).hasSize(1);
    assertThat(engine.blobs().size(unrelated)).isPresent();
  }

  @Test
  void recordsEachExpiryInTheAuditTrail() {
    UploadSession due = sessionWithOneChunk();
    engine.clock().advance(Duration.ofHours(1));

    expireUploads.sweep(100);

    assertThat(engine.audit().entries("upload.expired")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("system");
      assertThat(entry.productId()).isEqualTo(due.product().value());
      assertThat(entry.detail()).containsEntry("upload_id", due.id().toString());
    });
  }

  @Test
  void findsNothingOnASecondSweep() {
    sessionWithOneChunk();
    engine.clock().advance(Duration.ofHours(1));
    expireUploads.sweep(100);

    assertThat(expireUploads.sweep(100)).isZero();
    assertThat(engine.audit().entries("upload.expired")).hasSize(1);
  }

  @Test
  void expiresAtMostOneBatchPerSweep() {
    for (int i = 0; i < 3; i++) {
      sessionWithOneChunk();
    }
    engine.clock().advance(Duration.ofHours(1));

    assertThat(expireUploads.sweep(2)).isEqualTo(2);
    assertThat(expireUploads.sweep(2)).isEqualTo(1);
    assertThat(engine.blobs().keys()).isEmpty();
  }

  @Test
  void deletesBlobsWhileTheClaimingTransactionIsOpen() {
    var deletions = new ArrayList<Boolean>();
    BlobStore watching = new DeletionWatchingStore(engine, deletions);
    sessionWithOneChunk();
    engine.clock().advance(Duration.ofHours(1));

    new ExpireUploads(engine.sessions(), watching, engine.audit(), engine.transactions(), engine.clock()).sweep(10);

    assertThat(deletions).containsExactly(true);
  }

  private UploadSession sessionWithOneChunk() {
    UploadSession session = engine.startedUpload(seller, engine.draftProduct(seller, 150_000));
    Ciphertext ciphertext = engine.ciphertextFor(session);
    engine.upload(seller, session, ciphertext, 0);
    return session;
  }

  /** Notes, for each {@code deleteAll}, whether it ran inside a transaction. */
  private static final class DeletionWatchingStore implements BlobStore {
    private final EngineFixture engine;
    private final List<Boolean> deletions;

    DeletionWatchingStore(EngineFixture engine, List<Boolean> deletions) {
      this.engine = engine;
      this.deletions = deletions;
    }

    @Override
    public void deleteAll(BlobKey prefix) {
      deletions.add(engine.transactions().active());
      engine.blobs().deleteAll(prefix);
    }

    @Override
    public String type() {
      return engine.blobs().type();
    }

    @Override
    public void put(BlobKey key, InputStream content, long length) {
      engine.blobs().put(key, content, length);
    }

    @Override
    public Optional<InputStream> open(BlobKey key, long offset, long length) {
      return engine.blobs().open(key, offset, length);
    }

    @Override
    public Optional<InputStream> open(BlobKey key) {
      return engine.blobs().open(key);
    }

    @Override
    public Optional<Long> size(BlobKey key) {
      return engine.blobs().size(key);
    }

    @Override
    public void delete(BlobKey key) {
      engine.blobs().delete(key);
    }
  }
}
