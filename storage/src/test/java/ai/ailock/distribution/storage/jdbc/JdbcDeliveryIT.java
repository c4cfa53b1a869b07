package ai.ailock.distribution.storage.jdbc;

import static ai.ailock.distribution.storage.jdbc.Rows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.delivery.Claim;
import ai.ailock.distribution.engine.delivery.DepositedKey;
import ai.ailock.distribution.engine.delivery.DownloadSession;
import ai.ailock.distribution.engine.delivery.StoredReceipt;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.retention.ExpiredProduct;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The issue-5 adapters on a fresh database each: key envelopes, claims, download sessions, receipts, retention. */
class JdbcDeliveryIT {
  private final DataSource dataSource = MigratedDatabase.fresh();
  private final JdbcClient jdbc = JdbcClient.create(dataSource);
  private final AilockId seller = Rows.ailock(jdbc);
  private final AilockId buyer = Rows.ailock(jdbc);
  private final KeyId buyerKey = new KeyId(buyer.value());
  private final JdbcTransfers transfers = new JdbcTransfers(jdbc);
  private final JdbcProductKeys keys = new JdbcProductKeys(jdbc);
  private final JdbcClaims claims = new JdbcClaims(jdbc);
  private final JdbcDownloadSessions sessions = new JdbcDownloadSessions(jdbc);

  private ProductId readyProduct(Instant expiresAt) {
    ProductId product = Rows.draftProduct(jdbc, seller);
    jdbc.sql("""
            UPDATE dist_digital_products SET status = 'ready', manifest = '{}'::jsonb, content_hash = ?,
                   manifest_sha256 = ?, storage_type = 'filesystem', storage_pointer = ?, ready_at = ?, expires_at = ?
            WHERE id = ?""")
        .params("ab".repeat(32), "cd".repeat(32), "products/" + product.value() + "/v1/x",
            Timestamps.of(NOW), Timestamps.of(expiresAt), product.value())
        .update();
    return product;
  }

  private Transfer transfer(ProductId product, TransferState state, Instant expiresAt) {
    Transfer offered = Transfer.offer(new TransferId(UUID.randomUUID()), product, seller, buyer,
        new ProductPolicy(7, 2, new Price(1500, "usd"), List.of()), NOW, expiresAt);
    var inState = new Transfer(offered.id(), product, seller, buyer, state, offered.terms(), offered.inputs(), 0, NOW,
        NOW, expiresAt);
    transfers.add(inState);
    return inState;
  }

  private Transfer delivered() {
    return transfer(readyProduct(NOW.plus(Duration.ofDays(7))), TransferState.DELIVERED, NOW.plus(Duration.ofDays(7)));
  }

  private DepositedKey key(Transfer t, int fill) {
    byte[] envelope = new byte[80];
    Arrays.fill(envelope, (byte) fill);
    return new DepositedKey(UUID.randomUUID(), t.product(), t.id(), buyer, buyerKey, envelope, NOW, t.expiresAt(),
        null);
  }

  private Claim claim(Transfer t) {
    UUID jti = UUID.randomUUID();
    return new Claim(jti, t.id(), buyer, buyerKey, sha(jti), "kid-1", NOW,
        NOW.plus(Duration.ofMinutes(10)), null, null);
  }

  private static String sha(UUID jti) {
    return ai.ailock.distribution.engine.upload.Sha256Hex.of(jti.toString());
  }

  @Test
  void keepsReplacesAndShredsAKeyEnvelopeForGood() {
    Transfer t = delivered();
    assertThat(keys.deposit(key(t, 1))).isTrue();
    assertThat(keys.deposit(key(t, 2))).as("replaced").isTrue();
    assertThat(keys.find(t.id()).orElseThrow().envelope()).containsOnly((byte) 2);

    assertThat(keys.destroy(t.id(), NOW.plusSeconds(5))).isTrue();
    assertThat(keys.destroy(t.id(), NOW.plusSeconds(6))).isFalse();
    assertThat(keys.deposit(key(t, 3))).as("a shredded key never comes back").isFalse();

    DepositedKey shredded = keys.find(t.id()).orElseThrow();
    assertThat(shredded.envelope()).isNull();
    assertThat(shredded.destroyedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(jdbc.sql("SELECT key_envelope FROM dist_product_keys WHERE transfer_id = ?").param(t.id().value())
        .query(String.class).optional()).isEmpty();
  }

  @Test
  void fiftyConcurrentRedemptionsOfOneClaimSucceedOnce() throws Exception {
    Transfer t = delivered();
    Claim claim = claim(t);
    claims.add(claim);
    Transactions transactions = Rows.transactions(dataSource);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      var start = new CountDownLatch(1);
      List<Callable<Boolean>> redemptions = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        redemptions.add(() -> {
          start.await();
          return transactions.inTransaction(() -> claims.redeem(claim.jti(), NOW.plusSeconds(1)));
        });
      }
      List<Future<Boolean>> futures = new ArrayList<>();
      redemptions.forEach(r -> futures.add(pool.submit(r)));
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : futures) {
        won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(claims.find(claim.jti()).orElseThrow().redeemedAt()).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void aRevokedClaimCannotBeRedeemed() {
    Transfer t = delivered();
    Claim claim = claim(t);
    claims.add(claim);
    assertThat(claims.revokeAll(t.id(), NOW)).isEqualTo(1);
    assertThat(claims.redeem(claim.jti(), NOW)).isFalse();
    assertThat(claims.revokeAll(t.id(), NOW)).isZero();
  }

  @Test
  void aSessionCountsChunksServedAndCompletesOnce() {
    Transfer t = delivered();
    Claim claim = claim(t);
    claims.add(claim);
    var session = new DownloadSession(UUID.randomUUID(), claim.jti(), t.id(), buyer, 3, NOW,
        NOW.plus(Duration.ofHours(1)), null, null, null, 0);
    sessions.open(session);

    assertThat(sessions.markServed(session.id(), 0, 100, NOW)).isEqualTo(1);
    assertThat(sessions.markServed(session.id(), 0, 50, NOW)).isEqualTo(1);
    assertThat(sessions.markServed(session.id(), 2, 100, NOW)).isEqualTo(2);
    assertThat(sessions.markServed(session.id(), 1, 10, NOW)).isEqualTo(3);
    assertThat(sessions.complete(session.id(), NOW, DownloadSession.BY_CHUNKS)).isTrue();
    assertThat(sessions.complete(session.id(), NOW, DownloadSession.BY_RECEIPT)).isFalse();

    DownloadSession stored = sessions.byClaim(claim.jti()).orElseThrow();
    assertThat(stored.bytesServed()).isEqualTo(260);
    assertThat(stored.completedBy()).isEqualTo("chunks");
    assertThat(sessions.ofTransfer(t.id())).containsExactly(stored);
    assertThat(sessions.revokeAll(t.id(), NOW)).isEqualTo(1);
    assertThat(sessions.byClaim(claim.jti()).orElseThrow().revokedAt()).isEqualTo(NOW);
  }

  @Test
  void keepsOneReceiptPerTransfer() {
    Transfer t = delivered();
    var receipts = new JdbcDeliveryReceipts(jdbc);
    var receipt = new StoredReceipt(UUID.randomUUID(), t.id(), "ab".repeat(32), "cd".repeat(32), buyerKey,
        new byte[64], NOW, NOW.plusSeconds(1), Map.of("receipt", "{}", "ip", "192.0.2.1"));
    assertThat(receipts.add(receipt)).isTrue();
    assertThat(receipts.add(new StoredReceipt(UUID.randomUUID(), t.id(), "ef".repeat(32), "cd".repeat(32), buyerKey,
        new byte[64], NOW, NOW, Map.of()))).isFalse();
    StoredReceipt stored = receipts.find(t.id()).orElseThrow();
    assertThat(stored.clientHash()).isEqualTo("ab".repeat(32));
    assertThat(stored.meta()).containsEntry("ip", "192.0.2.1");
  }

  @Test
  void recordsTheProvidersPaymentAndOnlyRaisesTheRefundedAmount() {
    Transfer t = delivered();
    var intents = new JdbcPaymentIntents(jdbc);
    var intent = new PaymentIntent(UUID.randomUUID(), "stripe", "cs_x", 1500, "usd", PaymentStatus.PAID, t.id(), 1,
        null, NOW, NOW);
    intents.add(intent);
    var payments = new JdbcProviderPayments(jdbc);
    payments.link(intent.id(), "pi_123");
    assertThat(payments.byPaymentRef("stripe", "pi_123")).map(PaymentIntent::id).contains(intent.id());
    assertThat(payments.byPaymentRef("stripe", "pi_other")).isEmpty();

    assertThat(payments.recordRefund(intent.id(), 500, PaymentStatus.PARTIALLY_REFUNDED, NOW)).isTrue();
    assertThat(payments.recordRefund(intent.id(), 400, PaymentStatus.PARTIALLY_REFUNDED, NOW)).isFalse();
    assertThat(payments.recordRefund(intent.id(), 1500, PaymentStatus.REFUNDED, NOW)).isTrue();
    assertThat(jdbc.sql("SELECT amount_refunded FROM dist_payment_intents WHERE id = ?").param(intent.id())
        .query(Long.class).single()).isEqualTo(1500);
    assertThat(intents.latest(t.id()).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void readsTheAuditTrailOfATransferBack() {
    Transfer t = delivered();
    var audit = new JdbcAuditLog(jdbc);
    var trail = new JdbcAuditTrail(jdbc);
    audit.record(AuditEntry.of(NOW, buyer.value(), "delivery.chunk_served",
        new ai.ailock.distribution.engine.RequestMeta("req-1", "192.0.2.7", "ailock-sdk/1")).transfer(t.id().value())
        .with(Map.of("index", "0")));
    List<AuditEntry> entries = trail.ofTransfer(t.id().value());
    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.meta().ip()).isEqualTo("192.0.2.7");
      assertThat(entry.meta().userAgent()).isEqualTo("ailock-sdk/1");
      assertThat(entry.detail()).containsEntry("index", "0");
    });
  }

  @Test
  void retentionLeasesEachExpiredProductToOneSweeper() throws Exception {
    var queue = new JdbcRetentionQueue(jdbc);
    ProductId first = readyProduct(NOW.minusSeconds(10));
    ProductId second = readyProduct(NOW.minusSeconds(5));
    readyProduct(NOW.plusSeconds(60));
    Transfer live = transfer(first, TransferState.DELIVERED, NOW.plus(Duration.ofDays(1)));
    transfer(first, TransferState.REFUNDED, NOW.plus(Duration.ofDays(1)));
    Transactions transactions = Rows.transactions(dataSource);
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    CompletableFuture<List<ExpiredProduct>> sweeperA = CompletableFuture.supplyAsync(() -> transactions.inTransaction(
        () -> {
          List<ExpiredProduct> purged = queue.purgeDue(NOW, 1);
          holding.countDown();
          await(release);
          return purged;
        }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    List<ExpiredProduct> b = transactions.inTransaction(() -> queue.purgeDue(NOW, 5));
    release.countDown();
    List<ExpiredProduct> a = sweeperA.get(10, TimeUnit.SECONDS);

    assertThat(a).extracting(ExpiredProduct::id).containsExactly(first);
    assertThat(b).extracting(ExpiredProduct::id).containsExactly(second);
    assertThat(queue.purgeDue(NOW, 5)).isEmpty();
    assertThat(jdbc.sql("SELECT status FROM dist_digital_products WHERE id = ?").param(first.value())
        .query(String.class).single()).isEqualTo("purged");
    assertThat(transactions.inTransaction(() -> queue.liveTransfersOf(first))).containsExactly(live.id());

    List<ExpiredProduct> leased = queue.leaseBlobDeletion(NOW, NOW.minus(Duration.ofMinutes(10)), 5);
    assertThat(leased).hasSize(2);
    assertThat(queue.leaseBlobDeletion(NOW, NOW.minus(Duration.ofMinutes(10)), 5)).as("leased").isEmpty();
    queue.blobsDeleted(first, NOW);
    assertThat(queue.leaseBlobDeletion(NOW.plus(Duration.ofMinutes(11)), NOW.plusSeconds(1), 5))
        .as("an expired lease is taken again, a finished one is not").extracting(ExpiredProduct::id)
        .containsExactly(second);
  }

  @Test
  void transfersDueExcludeClosedOnesAndAcknowledgedOnesWithoutAKey() {
    var queue = new JdbcRetentionQueue(jdbc);
    ProductId product = readyProduct(NOW.plus(Duration.ofDays(7)));
    Transfer due = transfer(product, TransferState.DELIVERED, NOW.minusSeconds(1));
    Transfer acknowledgedWithKey = transfer(product, TransferState.ACKNOWLEDGED, NOW.minusSeconds(1));
    keys.deposit(key(acknowledgedWithKey, 1));
    Transfer acknowledgedShredded = transfer(product, TransferState.ACKNOWLEDGED, NOW.minusSeconds(1));
    keys.deposit(key(acknowledgedShredded, 1));
    keys.destroy(acknowledgedShredded.id(), NOW);
    transfer(product, TransferState.EXPIRED, NOW.minusSeconds(1));
    transfer(product, TransferState.DELIVERED, NOW.plusSeconds(60));

    List<TransferId> found = Rows.transactions(dataSource).inTransaction(() -> queue.transfersDue(NOW, 10));

    assertThat(found).containsExactlyInAnyOrder(due.id(), acknowledgedWithKey.id());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
