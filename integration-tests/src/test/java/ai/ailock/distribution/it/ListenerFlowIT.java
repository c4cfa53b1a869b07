package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.inbox.DownloadOnDelivery;
import ai.ailock.distribution.client.inbox.GrantOnPayment;
import ai.ailock.distribution.client.inbox.HttpMessageSource;
import ai.ailock.distribution.client.inbox.InboxCursor;
import ai.ailock.distribution.client.inbox.InboxListener;
import ai.ailock.distribution.client.inbox.InboxMessage;
import ai.ailock.distribution.client.inbox.InboxPage;
import ai.ailock.distribution.client.inbox.MessageSource;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.TransferProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's SDK listener on the real service: a seller's Ailock grants on {@code payment_confirmed} and a buyer's
 * claims, downloads, verifies and acknowledges on {@code product_delivery}, with no grant, claim, download or
 * acknowledgement called by the test; messages delivered twice, or read again from the start, change nothing.
 */
class ListenerFlowIT extends SdkServerSupport {
  private static final String POLICY = """
      {"price": {"amount": 1500, "currency": "usd"}, "download_limit": 1, "required_inputs": [
        {"id": "company", "label": "Company", "type": "text", "timing": "pre_payment", "required": true},
        {"id": "website", "label": "Website", "type": "url", "timing": "post_payment_pre_grant", "required": true}]}
      """;

  @TempDir Path work;

  private final List<InboxListener> listeners = new ArrayList<>();

  /** The seller's and the buyer's listeners, and what their reactions did. */
  final class Ailocks {
    final AtomicInteger grants = new AtomicInteger();
    final AtomicInteger downloads = new AtomicInteger();
    final List<DownloadResult> received = new CopyOnWriteArrayList<>();
    final List<TransferProgress> progress = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger sellerHandled = new AtomicInteger();
    final AtomicInteger buyerHandled = new AtomicInteger();
    final CompletableFuture<InboxMessage> receiptToSeller = new CompletableFuture<>();

    Ailocks(Published product, SignedHttp buyer, MessageSource sellerSource, MessageSource buyerSource) {
      var grant = new GrantOnPayment(product.seller(), product.keyring());
      listen(sellerSource, sellerHandled)
          .on(InboxMessage.PAYMENT_CONFIRMED, m -> grant.react(m).ifPresent(ticket -> grants.incrementAndGet()))
          .on(InboxMessage.DELIVERY_RECEIPT, receiptToSeller::complete)
          .start();
      var download = new DownloadOnDelivery(buyer, work.resolve("downloads"), work.resolve("receipts"),
          TransferOptions.defaults().withParallelism(2), progress::add);
      listen(buyerSource, buyerHandled)
          .on(InboxMessage.PRODUCT_DELIVERY, m -> download.react(m).ifPresent(r -> {
            downloads.incrementAndGet();
            if (r.download() != null) {
              received.add(r.download());
            }
          }))
          .start();
    }

    private InboxListener listen(MessageSource source, AtomicInteger handled) {
      var listener = new InboxListener(source, InboxCursor.inMemory(), Duration.ofSeconds(5),
          new InboxListener.Events() {
            @Override
            public void handled(InboxMessage message) {
              handled.incrementAndGet();
            }

            @Override
            public void failed(InboxMessage message, Exception failure, boolean retrying) {
              failures.add(message.type() + ": " + failure);
            }
          });
      listeners.add(listener);
      return listener;
    }
  }

  /** An at-least-once transport: every message arrives twice, under two cursors, with the same message id. */
  record Twice(MessageSource inner) implements MessageSource {
    @Override
    public InboxPage poll(long cursor, Duration wait) {
      InboxPage page = inner.poll(cursor / 2, wait);
      List<InboxMessage> doubled = new ArrayList<>();
      for (InboxMessage m : page.messages()) {
        doubled.add(new InboxMessage(2 * m.cursor() - 1, m.messageId(), m.type(), m.transferId(), m.traceId(),
            m.createdAt(), m.payload()));
        doubled.add(new InboxMessage(2 * m.cursor(), m.messageId(), m.type(), m.transferId(), m.traceId(),
            m.createdAt(), m.payload()));
      }
      return new InboxPage(doubled, 2 * page.nextCursor());
    }
  }

  @AfterEach
  void stopListeners() {
    listeners.forEach(InboxListener::close);
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Offer, inputs and payment only: what the test itself does. @return the transfer id */
  static String offerAndPay(Published product, SignedHttp buyer) {
    Commerce buying = new Commerce(buyer);
    String id = new Commerce(product.seller()).offer(product.upload().productId(), buyerId(buyer),
        Commerce.Terms.productDefaults()).transferId();
    buying.submit(id, Map.of("company", "ACME Ltd"));
    pay(buyer, id);
    buying.submit(id, Map.of("website", "https://acme.example"));
    return id;
  }

  @Test
  void twoListenersCompleteASaleFromTheOfferAndThePayment() throws Exception {
    Published product = published(work, POLICY, 700_000, 64 * 1024);
    SignedHttp buyer = registeredAilock();
    Ailocks ailocks = new Ailocks(product, buyer, new HttpMessageSource(product.seller()),
        new HttpMessageSource(buyer));

    String id = offerAndPay(product, buyer);

    InboxMessage receipt = ailocks.receiptToSeller.get(60, TimeUnit.SECONDS);
    assertThat(receipt.transferId()).isEqualTo(id);
    assertThat(receipt.state()).isEqualTo("acknowledged");
    assertThat(new Commerce(buyer).transfer(id).state()).isEqualTo("acknowledged");
    assertThat(ailocks.grants).hasValue(1);
    assertThat(ailocks.received).singleElement().satisfies(result -> {
      assertThat(result.file()).isEqualTo(work.resolve("downloads").resolve(id).resolve("pack.zip"));
      assertThat(result.file()).hasSameBinaryContentAs(product.file());
      assertThat(result.clientHash()).isEqualTo(product.upload().plaintextSha256());
    });
    assertThat(ailocks.progress).isNotEmpty();
    assertThat(ailocks.failures).isEmpty();
    Path kept = work.resolve("receipts").resolve(id + ".json");
    assertThat(Files.getPosixFilePermissions(kept)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    JsonNode evidence = new Delivery(product.seller()).evidence(id);
    assertThat(evidence.path("download_sessions")).hasSize(1);
    assertThat(evidence.path("receipt").path("document").path("client_hash").asString())
        .isEqualTo(product.upload().plaintextSha256());
  }

  @Test
  void duplicatedAndReplayedMessagesGrantOnceAndDownloadOnce() throws Exception {
    Published product = published(work, POLICY, 300_000, 64 * 1024);
    SignedHttp buyer = registeredAilock();
    Ailocks twice = new Ailocks(product, buyer, new Twice(new HttpMessageSource(product.seller())),
        new Twice(new HttpMessageSource(buyer)));

    String id = offerAndPay(product, buyer);
    twice.receiptToSeller.get(60, TimeUnit.SECONDS);
    eventually(() -> twice.buyerHandled.get() >= 1);

    Ailocks replaying = new Ailocks(product, buyer, new HttpMessageSource(product.seller()),
        new HttpMessageSource(buyer));
    replaying.receiptToSeller.get(60, TimeUnit.SECONDS);
    eventually(() -> replaying.sellerHandled.get() >= 3 && replaying.buyerHandled.get() >= 1);

    assertThat(twice.grants).as("payment_confirmed twice (waiting for inputs, then paid), each delivered twice")
        .hasValue(1);
    assertThat(twice.downloads).hasValue(1);
    assertThat(replaying.grants).as("read again from the start").hasValue(0);
    assertThat(replaying.downloads).hasValue(0);
    assertThat(twice.failures).isEmpty();
    assertThat(replaying.failures).isEmpty();
    JsonNode evidence = new Delivery(product.seller()).evidence(id);
    assertThat(evidence.path("download_sessions")).hasSize(1);
    assertThat(new Commerce(buyer).transfer(id).state()).isEqualTo("acknowledged");
  }
}
