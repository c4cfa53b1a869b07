package ai.ailock.distribution.engine.upload;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.Bodies;
import ai.ailock.distribution.engine.fixtures.Ciphertext;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.PublishedProduct;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import ai.ailock.distribution.engine.product.Product;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptChunkTest {
  private final EngineFixture engine = EngineFixture.create();
  private final AcceptChunk acceptChunk = engine.acceptChunk();
  private final RegisteredAilock seller = engine.registeredSeller();
  private final Product product = engine.draftProduct(seller, 150_000); // chunks of 65 536, 65 536, 19 144
  private final UploadSession session = engine.startedUpload(seller, product);
  private final Ciphertext ciphertext = engine.ciphertextFor(session);

  @Test
  void acceptsChunksInAnyOrderAndStoresEachUnderItsHash() {
    for (int index : new int[] {2, 0, 1}) {
      AcceptChunk.Accepted accepted = send(index, chunk(index));

      assertThat(accepted.stored()).isTrue();
      assertThat(accepted.size()).isEqualTo(session.chunkLength(index));
    }

    assertThat(engine.sessions().chunks(session.id())).extracting(StoredChunk::index).containsExactly(0, 1, 2);
    for (StoredChunk held : engine.sessions().chunks(session.id())) {
      assertThat(held.sha256()).isEqualTo(Sha256Hex.of(chunk(held.index())));
      assertThat(held.blobKey()).isEqualTo(session.chunkKey(held.index(), held.sha256()));
      assertThat(engine.blobs().bytes(held.blobKey())).hasValueSatisfying(
          bytes -> assertThat(bytes).isEqualTo(chunk(held.index())));
    }
  }

  @Test
  void acceptsTheSameBytesAgainWithoutReadingThem() {
    send(0, chunk(0));
    Bodies.Untouchable body = Bodies.untouchable();

    AcceptChunk.Accepted again = acceptChunk.accept(seller.caller(), session.id(), 0, Sha256Hex.of(chunk(0)),
        (long) chunk(0).length, body);

    assertThat(again.stored()).isFalse();
    assertThat(again.sha256()).isEqualTo(Sha256Hex.of(chunk(0)));
    assertThat(body.touched()).isFalse();
    assertThat(engine.blobs().keysUnder(session.storagePrefix())).hasSize(1);
  }

  @Test
  void refusesDifferentBytesForAnIndexItHolds() {
    send(0, chunk(0));
    byte[] other = chunk(1);

    assertRefused(() -> send(0, other), ErrorCode.CHUNK_CONFLICT);

    assertThat(engine.sessions().chunk(session.id(), 0)).map(StoredChunk::sha256).contains(Sha256Hex.of(chunk(0)));
    assertThat(engine.blobs().keysUnder(session.storagePrefix())).hasSize(1);
  }

  @Test
  void refusesBytesThatDoNotHashToTheDeclaredSha256AndStoresNothing() {
    byte[] corrupted = chunk(0);
    corrupted[corrupted.length - 1] ^= 1;

    assertRefused(() -> accept(0, Sha256Hex.of(chunk(0)), (long) corrupted.length, Bodies.of(corrupted)),
        ErrorCode.CHUNK_HASH_MISMATCH);

    assertNothingHeldOrStored();
  }

  @Test
  void refusesADeclaredLengthAboveTheChunkLimitWithoutReadingTheBody() {
    Bodies.Untouchable body = Bodies.untouchable();
    long tooLarge = engine.limits().maxChunkBytes() + 1L;

    assertRefused(() -> accept(0, Sha256Hex.of(chunk(0)), tooLarge, body), ErrorCode.CHUNK_TOO_LARGE);

    assertThat(body.touched()).isFalse();
    assertNothingHeldOrStored();
  }

  @Test
  void refusesADeclaredLengthOtherThanTheChunksLengthWithoutReadingTheBody() {
    Bodies.Untouchable body = Bodies.untouchable();

    DistributionException refusal = assertRefused(
        () -> accept(2, Sha256Hex.of(chunk(2)), (long) session.chunkSize(), body), ErrorCode.CHUNK_LENGTH_MISMATCH);

    assertThat(refusal.getMessage()).contains("19144");
    assertThat(body.touched()).isFalse();
    assertNothingHeldOrStored();
  }

  @Test
  void refusesAnUndeclaredBodyShorterThanTheChunkAndStoresNothing() {
    byte[] truncated = Arrays.copyOf(chunk(0), chunk(0).length - 1);

    assertRefused(() -> accept(0, Sha256Hex.of(chunk(0)), null, Bodies.of(truncated)),
        ErrorCode.CHUNK_LENGTH_MISMATCH);

    assertNothingHeldOrStored();
  }

  @Test
  void refusesAnUndeclaredBodyLongerThanTheChunkAndStoresNothing() {
    byte[] extended = Arrays.copyOf(chunk(2), chunk(2).length + 1);

    assertRefused(() -> accept(2, Sha256Hex.of(chunk(2)), null, Bodies.of(extended)),
        ErrorCode.CHUNK_LENGTH_MISMATCH);

    assertNothingHeldOrStored();
  }

  @Test
  void acceptsAnUndeclaredBodyOfTheRightLength() {
    AcceptChunk.Accepted accepted = accept(2, Sha256Hex.of(chunk(2)), null, Bodies.of(chunk(2)));

    assertThat(accepted.stored()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
      "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"})
  void refusesAMalformedSha256WithoutReadingTheBody(String sha256) {
    Bodies.Untouchable body = Bodies.untouchable();

    assertRefused(() -> accept(0, sha256, (long) chunk(0).length, body), ErrorCode.MALFORMED_REQUEST);

    assertThat(body.touched()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 3, Integer.MAX_VALUE})
  void refusesAnIndexOutsideTheUpload(int index) {
    assertRefused(() -> accept(index, Sha256Hex.of(chunk(0)), null, Bodies.untouchable()),
        ErrorCode.CHUNK_INDEX_OUT_OF_RANGE);
  }

  @Test
  void refusesChunksOnceTheSessionHasExpired() {
    engine.clock().advance(Duration.ofHours(1));

    assertRefused(() -> send(0, chunk(0)), ErrorCode.UPLOAD_EXPIRED);

    assertNothingHeldOrStored();
  }

  @Test
  void refusesChunksOnceTheSessionWasSwept() {
    engine.clock().advance(Duration.ofHours(1));
    engine.expireUploads().sweep(10);

    assertRefused(() -> send(0, chunk(0)), ErrorCode.UPLOAD_EXPIRED);
  }

  @Test
  void refusesAndRemovesAChunkWhoseSessionExpiredWhileItStreamed() {
    InputStream slowBody = new FilterInputStream(Bodies.of(chunk(0))) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        engine.clock().advance(Duration.ofHours(1));
        return super.read(buffer, offset, length);
      }
    };

    assertRefused(() -> accept(0, Sha256Hex.of(chunk(0)), (long) chunk(0).length, slowBody),
        ErrorCode.UPLOAD_EXPIRED);

    assertNothingHeldOrStored();
  }

  @Test
  void refusesChunksOnceTheUploadIsCompleted() {
    PublishedProduct published = engine.publishedProduct(seller, 100);
    byte[] only = published.ciphertext().bytes();

    assertRefused(() -> acceptChunk.accept(seller.caller(), published.session().id(), 0, Sha256Hex.of(only),
        (long) only.length, Bodies.of(only)), ErrorCode.UPLOAD_ALREADY_COMPLETED);
  }

  @Test
  void hidesAnotherAilocksUploadExactlyLikeAMissingOne() {
    RegisteredAilock stranger = engine.registeredSeller();

    DistributionException foreign = assertRefused(() -> acceptChunk.accept(stranger.caller(), session.id(), 0,
        Sha256Hex.of(chunk(0)), null, Bodies.of(chunk(0))), ErrorCode.UPLOAD_NOT_FOUND);
    DistributionException missing = assertRefused(() -> acceptChunk.accept(seller.caller(),
        new UploadId(UUID.randomUUID()), 0, Sha256Hex.of(chunk(0)), null, Bodies.of(chunk(0))),
        ErrorCode.UPLOAD_NOT_FOUND);

    assertThat(foreign.getMessage()).isEqualTo(missing.getMessage());
    assertNothingHeldOrStored();
  }

  @Test
  void refusesABodyThatBreaksOffAsInterruptedAndStoresNothing() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("client went away");
      }
    };

    assertThatThrownBy(() -> accept(0, Sha256Hex.of(chunk(0)), null, broken))
        .isInstanceOfSatisfying(DistributionException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHUNK_INTERRUPTED));

    assertNothingHeldOrStored();
  }

  @Test
  void storesOneChunkWhenEightClientsSendTheSameBytesAtOnce() throws Exception {
    List<Outcome> outcomes = concurrently(8, client -> send(1, chunk(1)));

    assertThat(outcomes).allSatisfy(outcome -> {
      assertThat(outcome.refusal()).isNull();
      assertThat(outcome.accepted().sha256()).isEqualTo(Sha256Hex.of(chunk(1)));
    });
    assertThat(engine.sessions().chunks(session.id())).hasSize(1);
    assertThat(engine.blobs().keysUnder(session.storagePrefix()))
        .containsExactly(session.chunkKey(1, Sha256Hex.of(chunk(1))));
  }

  @Test
  void letsExactlyOneOfEightDifferentBodiesWinAndLeavesNoBlobsForTheLosers() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    for (int client = 0; client < 8; client++) {
      bodies.add(Ciphertext.pseudoRandom(session.chunkLength(1), 1_000 + client).bytes());
    }

    List<Outcome> outcomes = concurrently(8, client -> send(1, bodies.get(client)));

    List<Outcome> winners = outcomes.stream().filter(outcome -> outcome.refusal() == null).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes).filteredOn(outcome -> outcome.refusal() != null)
        .allSatisfy(outcome -> assertThat(outcome.refusal().code()).isEqualTo(ErrorCode.CHUNK_CONFLICT))
        .hasSize(7);
    String winningSha = winners.get(0).accepted().sha256();
    assertThat(engine.sessions().chunk(session.id(), 1)).map(StoredChunk::sha256).contains(winningSha);
    assertThat(engine.blobs().keysUnder(session.storagePrefix())).containsExactly(session.chunkKey(1, winningSha));
  }

  @Test
  void aLateDuplicateOfAChunkNeverDeletesTheBlobOfTheCompletedUpload() throws Exception {
    var interleaving = new InterleavingBlobStore(engine.blobs());
    var lateAcceptChunk = new AcceptChunk(engine.sessions(), interleaving, engine.digests(), engine.limits(), engine.clock());
    interleaving.beforeNextPut(() -> {
      engine.uploadAll(seller, session, ciphertext);
      engine.complete(seller, session, engine.manifestFor(session, ciphertext).signedBy(seller.keys()));
    });

    Throwable lateOutcome = org.assertj.core.api.Assertions.catchThrowable(() -> lateAcceptChunk.accept(
        seller.caller(), session.id(), 0, Sha256Hex.of(chunk(0)), (long) chunk(0).length, Bodies.of(chunk(0))));

    assertThat(lateOutcome).as("the late duplicate may be refused, but must not destroy data")
        .isInstanceOf(DistributionException.class);
    assertThat(engine.blobs().bytes(session.chunkKey(0, Sha256Hex.of(chunk(0)))))
        .as("chunk 0 of the published content").isPresent();
  }

  @Test
  void refusesAChunkWhoseUploadWasCompletedWhileItStreamedAsAlreadyCompleted() {
    var interleaving = new InterleavingBlobStore(engine.blobs());
    var late = new AcceptChunk(engine.sessions(), interleaving, engine.digests(), engine.limits(), engine.clock());
    interleaving.beforeNextPut(() -> {
      engine.uploadAll(seller, session, ciphertext);
      engine.complete(seller, session, engine.manifestFor(session, ciphertext).signedBy(seller.keys()));
    });

    assertRefused(() -> late.accept(seller.caller(), session.id(), 0, Sha256Hex.of(chunk(0)),
        (long) chunk(0).length, Bodies.of(chunk(0))), ErrorCode.UPLOAD_ALREADY_COMPLETED);
  }

  @Test
  void removesTheBlobOfALateChunkWithOtherBytesButKeepsTheCompletedOnes() {
    byte[] other = Ciphertext.pseudoRandom(session.chunkLength(0), 4_242).bytes();
    var interleaving = new InterleavingBlobStore(engine.blobs());
    var late = new AcceptChunk(engine.sessions(), interleaving, engine.digests(), engine.limits(), engine.clock());
    interleaving.beforeNextPut(() -> {
      engine.uploadAll(seller, session, ciphertext);
      engine.complete(seller, session, engine.manifestFor(session, ciphertext).signedBy(seller.keys()));
    });

    assertRefused(() -> late.accept(seller.caller(), session.id(), 0, Sha256Hex.of(other), (long) other.length,
        Bodies.of(other)), ErrorCode.UPLOAD_ALREADY_COMPLETED);

    assertThat(engine.blobs().keysUnder(session.storagePrefix())).containsExactlyInAnyOrderElementsOf(
        engine.sessions().chunks(session.id()).stream().map(StoredChunk::blobKey).toList());
  }

  @Test
  void reportsNotStoredWhenAnIdenticalChunkWasHeldFirst() {
    var interleaving = new InterleavingBlobStore(engine.blobs());
    var overtaken = new AcceptChunk(engine.sessions(), interleaving, engine.digests(), engine.limits(), engine.clock());
    interleaving.beforeNextPut(() -> assertThat(send(0, chunk(0)).stored()).isTrue());

    AcceptChunk.Accepted accepted = overtaken.accept(seller.caller(), session.id(), 0, Sha256Hex.of(chunk(0)),
        (long) chunk(0).length, Bodies.of(chunk(0)));

    assertThat(accepted.stored()).isFalse();
  }

  private byte[] chunk(int index) {
    return ciphertext.chunk(index, session.chunkSize());
  }

  private AcceptChunk.Accepted send(int index, byte[] bytes) {
    return accept(index, Sha256Hex.of(bytes), (long) bytes.length, Bodies.of(bytes));
  }

  private AcceptChunk.Accepted accept(int index, String sha256, @Nullable Long declaredLength, InputStream body) {
    return acceptChunk.accept(seller.caller(), session.id(), index, sha256, declaredLength, body);
  }

  private void assertNothingHeldOrStored() {
    assertThat(engine.sessions().chunks(session.id())).isEmpty();
    assertThat(engine.blobs().keys()).isEmpty();
  }

  private record Outcome(AcceptChunk.@Nullable Accepted accepted, @Nullable DistributionException refusal) {}

  private interface Client {
    AcceptChunk.Accepted send(int client);
  }

  private static List<Outcome> concurrently(int clients, Client client) throws Exception {
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      var futures = new ArrayList<Future<AcceptChunk.Accepted>>();
      for (int i = 0; i < clients; i++) {
        int id = i;
        Callable<AcceptChunk.Accepted> call = () -> {
          start.await();
          return client.send(id);
        };
        futures.add(pool.submit(call));
      }
      start.countDown();
      var outcomes = new ArrayList<Outcome>();
      for (Future<AcceptChunk.Accepted> future : futures) {
        try {
          outcomes.add(new Outcome(future.get(30, TimeUnit.SECONDS), null));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof DistributionException)) {
            throw e;
          }
          outcomes.add(new Outcome(null, (DistributionException) e.getCause()));
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
