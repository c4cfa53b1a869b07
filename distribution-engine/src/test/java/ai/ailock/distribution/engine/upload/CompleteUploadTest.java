package ai.ailock.distribution.engine.upload;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.Ciphertext;
import ai.ailock.distribution.engine.fixtures.Ed25519TestKeys;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.ManifestDraft;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.ProductStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompleteUploadTest {
  private final EngineFixture engine = EngineFixture.create();
  private final CompleteUpload completeUpload = engine.completeUpload();
  private final RegisteredAilock seller = engine.registeredSeller();
  private final Product draft = engine.draftProduct(seller, 150_000, new ProductPolicy(3, 1, null, List.of()));
  private final UploadSession session = engine.startedUpload(seller, draft);
  private final Ciphertext ciphertext = engine.ciphertextFor(session);

  @Test
  void publishesTheContentAndStartsTheRetentionClock() {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest manifest = truthfulManifest();
    Instant now = engine.clock().advance(Duration.ofMinutes(10));

    Product published = complete(ciphertext.sha256(), manifest);

    assertThat(published.status()).isEqualTo(ProductStatus.READY);
    assertThat(published.expiresAt()).isEqualTo(now.plus(Duration.ofDays(3)));
    ProductContent content = published.content();
    assertThat(content).isNotNull();
    assertThat(content.version()).isEqualTo(1);
    assertThat(engine.sessions().current(draft.id(), content.version())).map(UploadSession::id)
        .as("the completed session the content's chunks belong to").contains(session.id());
    assertThat(content.ciphertextLength()).isEqualTo(ciphertext.length());
    assertThat(content.ciphertextSha256()).isEqualTo(ciphertext.sha256());
    assertThat(content.storageType()).isEqualTo(session.storageType());
    assertThat(content.storagePointer()).isEqualTo(session.storagePrefix());
    assertThat(content.manifestJson()).isEqualTo(manifest.canonicalJson());
    assertThat(content.manifestSha256()).isEqualTo(Sha256Hex.of(manifest.canonicalJson()));
    assertThat(content.readyAt()).isEqualTo(now);
    assertThat(engine.products().find(draft.id())).contains(published);
  }

  @Test
  void completesTheSessionWithTheCiphertextHash() {
    engine.uploadAll(seller, session, ciphertext);

    complete(ciphertext.sha256(), truthfulManifest());

    UploadSession completed = engine.sessions().find(session.id()).orElseThrow();
    assertThat(completed.state()).isEqualTo(UploadState.COMPLETED);
    assertThat(completed.ciphertextSha256()).isEqualTo(ciphertext.sha256());
  }

  @Test
  void recordsTheCompletionInTheAuditTrail() {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest manifest = truthfulManifest();

    Product published = complete(ciphertext.sha256(), manifest);

    assertThat(engine.audit().entries("upload.completed")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(seller.id().value());
      assertThat(entry.productId()).isEqualTo(draft.id().value());
      assertThat(entry.detail()).containsEntry("upload_id", session.id().toString())
          .containsEntry("ciphertext_sha256", ciphertext.sha256())
          .containsEntry("manifest_sha256", Sha256Hex.of(manifest.canonicalJson()))
          .containsEntry("expires_at", String.valueOf(published.expiresAt()));
    });
  }

  @Test
  void returnsThePublishedProductWhenCompletedAgainWithTheSameManifest() {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest manifest = truthfulManifest();
    Product first = complete(ciphertext.sha256(), manifest);
    engine.clock().advance(Duration.ofHours(2)); // past the session's own expiry

    Product again = complete(ciphertext.sha256(), manifest);

    assertThat(again).isEqualTo(first);
    assertThat(engine.audit().entries("upload.completed")).hasSize(1);
  }

  @Test
  void refusesAnotherManifestOnceCompleted() {
    engine.uploadAll(seller, session, ciphertext);
    complete(ciphertext.sha256(), truthfulManifest());
    SignedManifest other = engine.manifestFor(session, ciphertext).version(2).signedBy(seller.keys());

    assertRefused(() -> complete(ciphertext.sha256(), other), ErrorCode.UPLOAD_ALREADY_COMPLETED);
  }

  @Test
  void refusesAnIncompleteUploadAndSaysHowManyChunksAreMissing() {
    engine.upload(seller, session, ciphertext, 1);

    DistributionException refusal = assertRefused(() -> complete(ciphertext.sha256(), truthfulManifest()),
        ErrorCode.UPLOAD_INCOMPLETE);

    assertThat(refusal.getMessage()).contains("2 of 3");
    assertNothingPublished();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("misdescriptions")
  void refusesASignedManifestThatMisdescribesTheUpload(UnaryOperator<ManifestDraft> misdescribe) {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest manifest = misdescribe.apply(engine.manifestFor(session, ciphertext)).signedBy(seller.keys());

    assertRefused(() -> complete(ciphertext.sha256(), manifest), ErrorCode.MANIFEST_MISMATCH);

    assertNothingPublished();
  }

  static Stream<Named<UnaryOperator<ManifestDraft>>> misdescriptions() {
    return Stream.of(
        Named.of("another product", d -> d.productId(new ProductId(UUID.randomUUID()))),
        Named.of("another version", d -> d.version(2)),
        Named.of("another ciphertext length", d -> d.ciphertextLength(150_217)),
        Named.of("another chunk size", d -> d.chunkSize(131_072)),
        Named.of("a chunk left out", d -> d.chunks(d.chunks().subList(0, 2))),
        Named.of("chunks out of order", d -> d.chunks(List.of(d.chunks().get(1), d.chunks().get(0), d.chunks().get(2)))),
        Named.of("a chunk with another hash", d -> d.chunks(replaced(d.chunks(), 2,
            c -> new ManifestChunk(c.index(), c.offset(), c.length(), "0".repeat(64))))),
        Named.of("a chunk at another offset", d -> d.chunks(replaced(d.chunks(), 1,
            c -> new ManifestChunk(c.index(), c.offset() + 1, c.length(), c.sha256())))),
        Named.of("a chunk of another length", d -> d.chunks(replaced(d.chunks(), 2,
            c -> new ManifestChunk(c.index(), c.offset(), c.length() - 1, c.sha256())))),
        Named.of("a ciphertext hash other than the declared one", d -> d.ciphertextSha256("f".repeat(64))));
  }

  @Test
  void refusesAManifestWhoseSignedBytesWereAltered() {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest signed = truthfulManifest();
    byte[] altered = signed.signedBytes().clone();
    altered[altered.length / 2] ^= 1;
    var tampered = new SignedManifest(signed.productId(), signed.version(), signed.ciphertextLength(),
        signed.ciphertextSha256(), signed.chunkSize(), signed.chunks(), signed.sellerKeyId(), altered,
        signed.signature(), signed.canonicalJson(), signed.transferId());

    assertRefused(() -> complete(ciphertext.sha256(), tampered), ErrorCode.SIGNATURE_INVALID);

    assertNothingPublished();
  }

  @Test
  void refusesAManifestSignedByAnotherAilocksKey() {
    engine.uploadAll(seller, session, ciphertext);
    RegisteredAilock other = engine.registeredSeller();

    assertRefused(() -> complete(ciphertext.sha256(), engine.manifestFor(session, ciphertext).signedBy(other.keys())),
        ErrorCode.SIGNATURE_INVALID);

    assertNothingPublished();
  }

  @Test
  void refusesAManifestNamingTheSellersKeyButSignedByAnother() {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest forged = engine.manifestFor(session, ciphertext).sellerKeyId(seller.keyId())
        .signedBy(Ed25519TestKeys.generate());

    assertRefused(() -> complete(ciphertext.sha256(), forged), ErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void refusesAManifestSignedByAnUnregisteredKey() {
    engine.uploadAll(seller, session, ciphertext);

    assertRefused(() -> complete(ciphertext.sha256(),
        engine.manifestFor(session, ciphertext).signedBy(Ed25519TestKeys.generate())), ErrorCode.SIGNATURE_INVALID);
  }

  @Test
  void refusesAManifestSignedByARetiredKey() {
    engine.uploadAll(seller, session, ciphertext);
    SignedManifest manifest = truthfulManifest();
    engine.rotated(seller);

    assertRefused(() -> complete(ciphertext.sha256(), manifest), ErrorCode.SIGNATURE_INVALID);
  }

  /** The whole-ciphertext hash is taken from the store's bytes, read back once a chunk's turn comes. */
  @Test
  void refusesChunksWhoseStoredBytesNoLongerHashToTheDeclaredCiphertext() {
    for (int index = 1; index < session.chunkCount(); index++) {
      engine.upload(seller, session, ciphertext, index);
    }
    StoredChunk middle = engine.sessions().chunk(session.id(), 1).orElseThrow();
    byte[] altered = engine.blobs().bytes(middle.blobKey()).orElseThrow();
    altered[0] ^= 1;
    engine.blobs().corrupt(middle.blobKey(), altered);
    engine.upload(seller, session, ciphertext, 0);

    assertRefused(() -> complete(ciphertext.sha256(), truthfulManifest()), ErrorCode.CIPHERTEXT_HASH_MISMATCH);

    assertNothingPublished();
  }

  @Test
  void completesWithoutReadingTheCiphertextAgainWhenItsChunksWereFoldedOnArrival() {
    engine.uploadAll(seller, session, ciphertext);
    for (int index = 0; index < session.chunkCount(); index++) {
      engine.blobs().delete(engine.sessions().chunk(session.id(), index).orElseThrow().blobKey());
    }

    Product published = complete(ciphertext.sha256(), truthfulManifest());

    assertThat(published.status()).isEqualTo(ProductStatus.READY);
  }

  @Test
  void hashesTheStoredChunksInFullWhenThisInstanceDidNotSeeThemArrive() {
    engine.uploadAll(seller, session, ciphertext);
    engine.digests().forget(session.id());
    StoredChunk last = engine.sessions().chunk(session.id(), session.chunkCount() - 1).orElseThrow();
    byte[] altered = engine.blobs().bytes(last.blobKey()).orElseThrow();
    altered[0] ^= 1;
    engine.blobs().corrupt(last.blobKey(), altered);

    assertRefused(() -> complete(ciphertext.sha256(), truthfulManifest()), ErrorCode.CIPHERTEXT_HASH_MISMATCH);

    assertNothingPublished();
  }

  @Test
  void refusesADeclaredCiphertextHashTheChunksDoNotAddUpTo() {
    engine.uploadAll(seller, session, ciphertext);
    String wrong = Sha256Hex.of("something else");
    SignedManifest manifest = engine.manifestFor(session, ciphertext).ciphertextSha256(wrong).signedBy(seller.keys());

    assertRefused(() -> complete(wrong, manifest), ErrorCode.CIPHERTEXT_HASH_MISMATCH);

    assertNothingPublished();
  }

  @Test
  void refusesAnExpiredSession() {
    engine.uploadAll(seller, session, ciphertext);
    engine.clock().advance(Duration.ofHours(1));

    assertRefused(() -> complete(ciphertext.sha256(), truthfulManifest()), ErrorCode.UPLOAD_EXPIRED);

    assertNothingPublished();
  }

  @Test
  void hidesAnotherAilocksUpload() {
    engine.uploadAll(seller, session, ciphertext);
    RegisteredAilock stranger = engine.registeredSeller();
    SignedManifest manifest = truthfulManifest();

    assertRefused(() -> completeUpload.complete(stranger.caller(), session.id(), ciphertext.sha256(), manifest),
        ErrorCode.UPLOAD_NOT_FOUND);
  }

  private SignedManifest truthfulManifest() {
    return engine.signedManifestFor(session, ciphertext.chunks(session.chunkSize()), seller.keys());
  }

  private Product complete(String ciphertextSha256, SignedManifest manifest) {
    return completeUpload.complete(seller.caller(), session.id(), ciphertextSha256, manifest);
  }

  private void assertNothingPublished() {
    assertThat(engine.products().find(draft.id())).map(Product::status).contains(ProductStatus.DRAFT);
    assertThat(engine.sessions().find(session.id())).map(UploadSession::state).contains(UploadState.OPEN);
    assertThat(engine.audit().entries("upload.completed")).isEmpty();
  }

  private static List<ManifestChunk> replaced(List<ManifestChunk> chunks, int index,
      UnaryOperator<ManifestChunk> change) {
    var copy = new ArrayList<>(chunks);
    copy.set(index, change.apply(copy.get(index)));
    return copy;
  }
}
