package ai.ailock.distribution.storage.jdbc;

import static ai.ailock.distribution.storage.jdbc.Rows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.attachment.AttachmentUpload;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.payment.PaymentIntent;
import ai.ailock.distribution.engine.payment.PaymentStatus;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.transfer.Decision;
import ai.ailock.distribution.engine.transfer.Party;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The issue-4 adapters on a fresh database each: transfers (compare-and-set), intents (lease), events, attachments. */
class JdbcTransfersAndPaymentsIT {
  private final DataSource dataSource = MigratedDatabase.fresh();
  private final JdbcClient jdbc = JdbcClient.create(dataSource);
  private final AilockId seller = Rows.ailock(jdbc);
  private final AilockId buyer = Rows.ailock(jdbc);
  private final ProductId product = Rows.draftProduct(jdbc, seller);
  private final JdbcTransfers transfers = new JdbcTransfers(jdbc);
  private final JdbcPaymentIntents intents = new JdbcPaymentIntents(jdbc);

  private Transfer offered() {
    var inputs = List.of(new RequiredInput("company", "Company", RequiredInput.Type.TEXT,
        RequiredInput.Timing.PRE_PAYMENT, true, "your legal name", new RequiredInput.Constraints(40, null, null)));
    Transfer transfer = Transfer.offer(new TransferId(UUID.randomUUID()), product, seller, buyer,
        new ProductPolicy(5, 3, new Price(1500, "usd"), inputs), NOW, NOW.plus(Duration.ofDays(5)));
    transfers.add(transfer);
    return transfer;
  }

  private PaymentIntent intent(Transfer transfer, int attempt, String session) {
    return new PaymentIntent(UUID.randomUUID(), "stripe", session, 1500, "usd", PaymentStatus.OPEN, transfer.id(),
        attempt, "https://pay.example/" + session, NOW, NOW);
  }

  @Test
  void storesATransferAndUpdatesItByCompareAndSet() {
    Transfer offered = offered();
    assertThat(transfers.find(offered.id())).contains(offered);
    assertThat(transfers.offered(product, buyer)).isTrue();
    assertThat(transfers.offered(product, seller)).isFalse();

    Transfer submitted = ((Decision.Accepted) offered.submitInputs(Map.of("company", "ACME"), NOW)).transfer();
    assertThat(transfers.update(submitted)).isTrue();
    assertThat(transfers.update(submitted)).as("a stale version changes nothing").isFalse();
    Transfer invoiced = ((Decision.Accepted) submitted.invoice(NOW)).transfer();
    assertThat(transfers.update(invoiced)).isTrue();
    assertThat(transfers.find(offered.id())).contains(invoiced);
  }

  @Test
  void listsEachPartysTransfersNewestFirstFromACursorInAState() {
    AilockId other = Rows.ailock(jdbc);
    Transfer older = add(seller, buyer, NOW);
    Transfer newer = add(seller, other, NOW.plusSeconds(1));
    Transfer tie = add(seller, buyer, NOW.plusSeconds(1));
    Transfer invoiced = ((Decision.Accepted) older.invoice(NOW.plusSeconds(5))).transfer();
    assertThat(transfers.update(invoiced)).isTrue();
    boolean tieFirst = new PageCursor(NOW, tie.id().value()).compareTo(new PageCursor(NOW, newer.id().value())) > 0;
    List<TransferId> newestFirst = tieFirst ? List.of(tie.id(), newer.id(), older.id())
        : List.of(newer.id(), tie.id(), older.id());

    assertThat(ids(transfers.involving(seller, Party.SELLER, null, null, 10))).isEqualTo(newestFirst);
    assertThat(ids(transfers.involving(seller, Party.SELLER, null,
        new PageCursor(NOW.plusSeconds(1), newestFirst.get(0).value()), 1))).containsExactly(newestFirst.get(1));
    assertThat(ids(transfers.involving(buyer, Party.BUYER, null, null, 10))).containsExactly(tie.id(), older.id());
    assertThat(ids(transfers.involving(buyer, Party.BUYER, TransferState.INVOICED, null, 10)))
        .containsExactly(older.id());
    assertThat(transfers.involving(buyer, Party.SELLER, null, null, 10)).isEmpty();
    assertThat(transfers.involving(seller, Party.SELLER, TransferState.INVOICED, null, 10)).containsExactly(invoiced);
  }

  private Transfer add(AilockId from, AilockId to, java.time.Instant at) {
    Transfer transfer = Transfer.offer(new TransferId(UUID.randomUUID()), product, from, to,
        new ProductPolicy(5, 3, new Price(1500, "usd"), List.of()), at, at.plus(Duration.ofDays(5)));
    transfers.add(transfer);
    return transfer;
  }

  private static List<TransferId> ids(List<Transfer> listed) {
    return listed.stream().map(Transfer::id).toList();
  }

  @Test
  void keepsOneIntentPerAttemptAndChangesStatusConditionally() {
    Transfer transfer = offered();
    PaymentIntent first = intent(transfer, 1, "cs_1");
    assertThat(intents.add(first)).isTrue();
    assertThat(intents.add(intent(transfer, 1, "cs_other"))).isFalse();
    assertThat(intents.add(intent(transfer, 2, "cs_2"))).isTrue();
    assertThat(intents.latest(transfer.id())).get().extracting(PaymentIntent::providerRef).isEqualTo("cs_2");
    assertThat(intents.lockByProviderRef("stripe", "cs_1")).contains(first);
    assertThat(intents.changeStatus(first.id(), PaymentStatus.OPEN, PaymentStatus.FAILED, NOW)).isTrue();
    assertThat(intents.changeStatus(first.id(), PaymentStatus.OPEN, PaymentStatus.PAID, NOW)).isFalse();
  }

  @Test
  void aSessionsIntentIsLockedUntilTheTransactionEndsSoTheNextReaderSeesWhatItCommitted() throws Exception {
    Transfer transfer = offered();
    PaymentIntent open = intent(transfer, 1, "cs_locked");
    intents.add(open);
    Transactions transactions = Rows.transactions(dataSource);
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    CompletableFuture<Void> payer = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
      intents.lockByProviderRef("stripe", "cs_locked").orElseThrow();
      holding.countDown();
      await(release);
      return intents.changeStatus(open.id(), PaymentStatus.OPEN, PaymentStatus.PAID, NOW);
    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<PaymentIntent> next = CompletableFuture.supplyAsync(() -> transactions.inTransaction(
        () -> intents.lockByProviderRef("stripe", "cs_locked").orElseThrow()));
    Thread.sleep(300);
    assertThat(next).as("waits for the first transaction").isNotDone();
    release.countDown();
    payer.get(10, TimeUnit.SECONDS);

    assertThat(next.get(10, TimeUnit.SECONDS).status()).isEqualTo(PaymentStatus.PAID);
  }

  @Test
  void leasesEachOpenIntentToOneReconcilerAtATime() throws Exception {
    Transfer transfer = offered();
    intents.add(intent(transfer, 1, "cs_1"));
    intents.add(intent(transfer, 2, "cs_2"));
    Transactions transactions = Rows.transactions(dataSource);
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Instant later = NOW.plus(Duration.ofMinutes(20));
    CompletableFuture<List<PaymentIntent>> first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
      List<PaymentIntent> leased = intents.leaseForReconciliation(later, later, later, 1);
      holding.countDown();
      await(release);
      return leased;
    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    List<PaymentIntent> second = transactions.inTransaction(
        () -> intents.leaseForReconciliation(later, later, later, 5));
    release.countDown();
    List<PaymentIntent> firsts = first.get(10, TimeUnit.SECONDS);

    assertThat(firsts).hasSize(1);
    assertThat(second).hasSize(1).doesNotContainAnyElementsOf(firsts);
    assertThat(intents.leaseForReconciliation(later, later.minus(Duration.ofMinutes(1)), later, 5))
        .as("checked too recently").isEmpty();
    assertThat(intents.leaseForReconciliation(NOW.minusSeconds(1), later, later, 5)).as("too young").isEmpty();
  }

  @Test
  void claimsAnEventIdOnce() {
    var events = new JdbcWebhookEvents(jdbc);
    Transfer transfer = offered();
    assertThat(events.claim("evt_1", "checkout.session.completed", NOW)).isTrue();
    assertThat(events.claim("evt_1", "checkout.session.completed", NOW)).isFalse();
    events.settle("evt_1", transfer.id(), "fulfilled");
    events.settle("evt_2", null, "ignored"); // unclaimed: nothing to settle, no failure
    assertThat(jdbc.sql("SELECT outcome FROM dist_webhook_events WHERE event_id = 'evt_1'").query(String.class)
        .single()).isEqualTo("fulfilled");
  }

  @Test
  void storesAttachmentUploadsTheirChunksAndTheAttachment() {
    Transfer transfer = offered();
    var clock = new MutableClock(NOW);
    var uploads = new JdbcAttachmentUploads(jdbc, clock);
    var id = new UploadId(UUID.randomUUID());
    var prefix = new BlobKey("attachments/" + transfer.id() + "/logo/" + id);
    var upload = new AttachmentUpload(id, transfer.id(), "logo", buyer, "image/png", 1000, 1072, 65536, 1,
        "filesystem", prefix, UploadState.OPEN, null, NOW, NOW.plus(Duration.ofHours(1)));
    uploads.add(upload);
    assertThat(uploads.find(id)).contains(upload);
    assertThat(uploads.open(transfer.id(), "logo", NOW)).contains(upload);
    assertThat(uploads.open(transfer.id(), "logo", NOW.plus(Duration.ofHours(2)))).isEmpty();

    String sha = "ab".repeat(32);
    var chunk = new StoredChunk(0, 1072, sha, prefix.resolve("chunk-000000-" + sha));
    assertThat(uploads.hold(id, chunk)).get().satisfies(held -> assertThat(held.added()).isTrue());
    assertThat(uploads.chunks(id)).containsExactly(chunk);
    assertThat(uploads.complete(id, sha, NOW)).isTrue();

    var attachments = new JdbcAttachments(jdbc);
    var attachment = new Attachment(new AttachmentId(UUID.randomUUID()), transfer.id(), "logo", id, "filesystem",
        prefix, 1000, 1072, "image/png", sha, new byte[80], new KeyId(seller.value()), NOW);
    assertThat(attachments.add(attachment)).isTrue();
    assertThat(attachments.add(attachment)).isFalse();
    assertThat(attachments.find(attachment.id())).get().usingRecursiveComparison().isEqualTo(attachment);
    assertThat(attachments.byUpload(id)).isPresent();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
