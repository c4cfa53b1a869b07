package ai.ailock.distribution.server.demo;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.cli.ProgressBar;
import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.inbox.DownloadOnDelivery;
import ai.ailock.distribution.client.inbox.GrantOnPayment;
import ai.ailock.distribution.client.inbox.HttpMessageSource;
import ai.ailock.distribution.client.inbox.InboxCursor;
import ai.ailock.distribution.client.inbox.InboxListener;
import ai.ailock.distribution.client.inbox.InboxMessage;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A complete sale between two fresh Ailocks, against a running service: the seller uploads a generated product
 * with one input required before payment and one after, and offers it; the buyer supplies the inputs and pays at the
 * local checkout emulator (a signed Stripe-format webhook). From there the two Ailocks' inbox listeners finish the
 * sale on their own: the seller's grants on {@code payment_confirmed}, the buyer's claims, downloads, decrypts,
 * verifies and acknowledges on {@code product_delivery}, and the seller hears the {@code delivery_receipt}. The demo
 * script calls no grant, claim or acknowledgement itself. Each run uses new identities and a new work folder, so
 * runs repeat on the same data.
 */
public final class SaleDemo {
  private static final String POLICY = """
      {"price": {"amount": 1500, "currency": "usd"}, "download_limit": 1, "required_inputs": [
        {"id": "company", "label": "Licensed to (company)", "type": "text", "timing": "pre_payment", "required": true},
        {"id": "website", "label": "Where the product will be used", "type": "url",
         "timing": "post_payment_pre_grant", "required": true}]}
      """;

  private static final Duration POLL_WAIT = Duration.ofSeconds(20);
  private static final Duration LISTENER_TIMEOUT = Duration.ofMinutes(10);

  private final URI functions;
  private final Path workDirectory;
  private final long productBytes;
  private final PrintStream out;
  private final DemoSteps steps;

  public SaleDemo(URI functions, Path workDirectory, long productBytes, PrintStream out) {
    this.functions = functions;
    this.workDirectory = workDirectory;
    this.productBytes = productBytes;
    this.out = out;
    this.steps = new DemoSteps(out);
  }

  /** Runs the sale. @return true if every step succeeded and the buyer's file matches the seller's */
  public boolean run() throws Exception {
    Files.createDirectories(workDirectory);
    out.printf("%nDemo sale of %d MiB against %s (work in %s)%n%n", productBytes >> 20, functions, workDirectory);
    SignedHttp seller = steps.run("seller: keys + registration", this::registered).http();
    Registered buyerAilock = steps.run("buyer: keys + registration", this::registered);
    SignedHttp buyer = buyerAilock.http();
    Path product = steps.run("seller: generate product", () -> GeneratedFile.write(
        workDirectory.resolve("field-recordings.zip"), productBytes, Instant.now().toEpochMilli()));
    var keyring = new ProductKeyring(workDirectory.resolve("seller-keyring"), seller.keys());
    UploadResult upload = steps.timed("seller: encrypt + upload", productBytes, () -> new Uploader(
        new HttpUploadService(seller), seller.keys(), keyring, TransferOptions.defaults()).upload(product,
        new ProductDraft("Field recordings, vol. 2", "application/zip", WireJson.mapper().readTree(POLICY)),
        workDirectory.resolve("upload-state.json"), progress()));
    var sale = new Outcome();
    try (InboxListener sellers = sellersAilock(seller, keyring, sale);
        InboxListener buyers = buyersAilock(buyer, sale)) {
      TransferInfo offered = steps.run("seller: offer to the buyer", () -> new Commerce(seller)
          .offer(upload.productId(), buyerAilock.ailockId(), Commerce.Terms.productDefaults()));
      String transfer = offered.transferId();
      Commerce buying = new Commerce(buyer);
      steps.run("buyer: pre-payment input", () -> buying.submit(transfer, Map.of("company", "ACME Field Audio Ltd")));
      Checkout checkout = steps.run("buyer: invoice (checkout session)", () -> buying.invoice(transfer));
      steps.run("buyer: pay at the emulator (signed webhook)", () -> buying.payWithEmulator(checkout.checkoutUrl(),
          "paid"));
      long paid = System.nanoTime();
      steps.run("buyer: post-payment input", () -> buying.submit(transfer, Map.of("website", "https://acme.example")));
      DownloadOnDelivery.Received received = sale.received.get(LISTENER_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
      InboxMessage receipt = sale.receiptToSeller.get(LISTENER_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
      long millis = (System.nanoTime() - paid) / 1_000_000;
      DownloadResult result = Objects.requireNonNull(received.download(), "the buyer downloaded nothing");
      boolean same = result.clientHash().equals(upload.plaintextSha256());
      steps.summary(Map.of(
          "product", upload.productId(), "transfer", transfer,
          "plaintext sha256 (seller)", upload.plaintextSha256(), "plaintext sha256 (buyer)", result.clientHash(),
          "ciphertext sha256", upload.ciphertextSha256(), "manifest sha256", upload.manifestSha256(),
          "final transfer state", received.transfer().state(), "paid", checkout.amount() + " " + checkout.currency(),
          "payment to seller's receipt", millis + " ms (through both inboxes)",
          "seller's delivery_receipt", receipt.state()));
      Files.deleteIfExists(product);
      Files.deleteIfExists(result.file());
      return same && "acknowledged".equals(received.transfer().state())
          && "acknowledged".equals(receipt.state());
    }
  }

  /** What the two listeners did; a failure they report ends the demo. */
  private static final class Outcome implements InboxListener.Events {
    final CompletableFuture<DownloadOnDelivery.Received> received = new CompletableFuture<>();
    final CompletableFuture<InboxMessage> receiptToSeller = new CompletableFuture<>();

    @Override
    public void failed(InboxMessage message, Exception failure, boolean retrying) {
      if (retrying) {
        System.err.println("  (" + message.type() + ": " + failure + "; retrying)");
        return;
      }
      received.completeExceptionally(failure);
      receiptToSeller.completeExceptionally(failure);
    }
  }

  /** The seller's Ailock: grants on {@code payment_confirmed}, hears the buyer's receipt. */
  private InboxListener sellersAilock(SignedHttp seller, ProductKeyring keyring, Outcome sale) throws IOException {
    var grant = new GrantOnPayment(seller, keyring);
    return new InboxListener(new HttpMessageSource(seller), InboxCursor.file(workDirectory.resolve(
        "seller-inbox-cursor.json")), POLL_WAIT, sale)
        .on(InboxMessage.PAYMENT_CONFIRMED, message -> {
          if ("paid".equals(message.state())) {
            steps.run("seller's Ailock: grant on payment_confirmed", () -> grant.react(message));
          } else {
            grant.react(message); // paid_pending_inputs: nothing to grant until the last input arrives
          }
        })
        .on(InboxMessage.DELIVERY_RECEIPT, sale.receiptToSeller::complete)
        .start();
  }

  /** The buyer's Ailock: on {@code product_delivery}, ticket, claim, download, decrypt, verify, signed receipt. */
  private InboxListener buyersAilock(SignedHttp buyer, Outcome sale) throws IOException {
    var download = new DownloadOnDelivery(buyer, workDirectory.resolve("received"),
        workDirectory.resolve("buyer-receipts"), TransferOptions.defaults(), progress());
    return new InboxListener(new HttpMessageSource(buyer), InboxCursor.file(workDirectory.resolve(
        "buyer-inbox-cursor.json")), POLL_WAIT, sale)
        .on(InboxMessage.PRODUCT_DELIVERY, message -> steps.timed(
            "buyer's Ailock: claim, download, decrypt, verify, ack", productBytes, () -> download.react(message))
            .ifPresent(sale.received::complete))
        .start();
  }

  private record Registered(SignedHttp http, String ailockId) {}

  private Registered registered() {
    var http = new SignedHttp(functions, AilockKeys.generate());
    return new Registered(http, new HttpIdentities(http).register(http.keys()).ailockId());
  }

  private TransferListener progress() {
    return ProgressBar.create(new PrintWriter(System.err, true), "auto");
  }
}
