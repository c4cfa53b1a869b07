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
import ai.ailock.distribution.client.personalize.LeakTrace;
import ai.ailock.distribution.client.personalize.License;
import ai.ailock.distribution.client.personalize.PersonalizedGrant;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * A complete sale between two fresh Ailocks, against a running service: the seller uploads a generated product
 * with one input required before payment (a company name) and one after (a logo file, encrypted to the seller), and
 * offers it; the buyer supplies the name, pays at the local checkout emulator (a signed Stripe-format webhook) and
 * uploads the logo; the seller decrypts it once the sale is done. From there the two Ailocks' inbox listeners finish the
 * sale on their own: the seller's grants on {@code payment_confirmed}, the buyer's claims, downloads, decrypts,
 * verifies and acknowledges on {@code product_delivery}, and the seller hears the {@code delivery_receipt}. The demo
 * script calls no grant, claim or acknowledgement itself. Each run uses new identities and a new work folder, so
 * runs repeat on the same data.
 *
 * <p>With {@code personalized}, the product's policy asks for personalized copies: the seller's Ailock reads its
 * product back, writes the buyer's copy (LICENSE.txt, signed license, watermarks), uploads and grants it; the demo
 * then checks that every recording in the buyer's copy is the seller's and that the copy names the buyer and the
 * transfer under the seller's signature.
 */
public final class SaleDemo {
  private static final String POLICY = """
      {"price": {"amount": 1500, "currency": "usd"}, "download_limit": 1, "personalized_copies": %s,
       "required_inputs": [
        {"id": "company", "label": "Licensed to (company)", "type": "text", "timing": "pre_payment", "required": true},
        {"id": "logo", "label": "Your logo, for the credits", "type": "file", "timing": "post_payment_pre_grant",
         "required": true, "constraints": {"mime_types": ["image/png"], "max_size_mb": 1}}]}
      """;

  private static final Duration POLL_WAIT = Duration.ofSeconds(20);
  private static final Duration LISTENER_TIMEOUT = Duration.ofMinutes(10);

  private final URI functions;
  private final Path workDirectory;
  private final long productBytes;
  private final PrintStream out;
  private final boolean personalized;
  private final DemoSteps steps;

  /** @param personalized whether the buyer gets a personalized copy (LICENSE.txt, watermarks) */
  public SaleDemo(URI functions, Path workDirectory, long productBytes, PrintStream out, boolean personalized) {
    this.functions = functions;
    this.workDirectory = workDirectory;
    this.productBytes = productBytes;
    this.out = out;
    this.personalized = personalized;
    this.steps = new DemoSteps(out);
  }

  /** Runs the sale. @return true if every step succeeded and the buyer's file matches the seller's */
  public boolean run() throws Exception {
    Files.createDirectories(workDirectory);
    out.printf("%nDemo sale of %d MiB%s against %s (work in %s)%n%n", productBytes >> 20,
        personalized ? ", personalized for the buyer," : "", functions, workDirectory);
    SignedHttp seller = steps.run("seller: keys + registration", this::registered).http();
    Registered buyerAilock = steps.run("buyer: keys + registration", this::registered);
    SignedHttp buyer = buyerAilock.http();
    Path product = steps.run("seller: generate product", () -> GeneratedFile.write(
        workDirectory.resolve("field-recordings.zip"), productBytes, Instant.now().toEpochMilli()));
    var keyring = new ProductKeyring(workDirectory.resolve("seller-keyring"), seller.keys());
    UploadResult upload = steps.timed("seller: encrypt + upload", productBytes, () -> new Uploader(
        new HttpUploadService(seller), seller.keys(), keyring, TransferOptions.defaults()).upload(product,
        new ProductDraft("Field recordings, vol. 2", "application/zip",
            WireJson.mapper().readTree(POLICY.formatted(personalized))),
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
      byte[] logo = GeneratedFile.logo(Instant.now().toEpochMilli());
      String logoId = steps.run("buyer: post-payment input (a logo, encrypted to the seller)", () -> {
        String attachment = buying.uploadAttachment(transfer, "logo", logo, "image/png");
        buying.submit(transfer, Map.of("logo", attachment));
        return attachment;
      });
      DownloadOnDelivery.Received received = sale.received.get(LISTENER_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
      InboxMessage receipt = sale.receiptToSeller.get(LISTENER_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
      long millis = (System.nanoTime() - paid) / 1_000_000;
      DownloadResult result = Objects.requireNonNull(received.download(), "the buyer downloaded nothing");
      Path sellersLogo = steps.run("seller: decrypt the buyer's logo", () -> new Commerce(seller)
          .downloadAttachment(logoId, workDirectory.resolve("logo-from-buyer.png")));
      var facts = new LinkedHashMap<String, String>();
      facts.put("product", upload.productId());
      facts.put("transfer", transfer);
      facts.put("plaintext sha256 (seller)", upload.plaintextSha256());
      facts.put("plaintext sha256 (buyer)", result.clientHash());
      facts.put("ciphertext sha256", upload.ciphertextSha256());
      facts.put("manifest sha256", upload.manifestSha256());
      String logoSent = GeneratedFile.sha256(logo);
      String logoReceived = GeneratedFile.sha256(Files.readAllBytes(sellersLogo));
      facts.put("buyer's logo sha256 (buyer)", logoSent);
      facts.put("buyer's logo sha256 (seller)", logoReceived);
      boolean same = logoSent.equals(logoReceived) && (personalized
          ? personalizedCopyChecks(product, result, transfer, buyerAilock.ailockId(), seller, facts)
          : result.clientHash().equals(upload.plaintextSha256()));
      facts.put("final transfer state", received.transfer().state());
      facts.put("paid", checkout.amount() + " " + checkout.currency());
      facts.put("payment to seller's receipt", millis + " ms (through both inboxes)");
      facts.put("seller's delivery_receipt", receipt.state());
      steps.summary(facts);
      Files.deleteIfExists(product);
      Files.deleteIfExists(result.file());
      Files.deleteIfExists(sellersLogo);
      return same && "acknowledged".equals(received.transfer().state())
          && "acknowledged".equals(receipt.state());
    }
  }

  /**
   * The buyer's file is its own copy, not the seller's: every recording in it must be the seller's (same name, size
   * and CRC-32), and its license must name this buyer and this transfer under the seller's signature.
   */
  private boolean personalizedCopyChecks(Path original, DownloadResult copy, String transfer, String buyer,
      SignedHttp seller, Map<String, String> facts) throws IOException {
    var recordings = new HashMap<String, String>();
    try (var zip = new ZipFile(original.toFile())) {
      zip.stream().forEach(e -> recordings.put(e.getName(), e.getSize() + ":" + e.getCrc()));
    }
    long kept;
    try (var zip = new ZipFile(copy.file().toFile())) {
      kept = zip.stream().filter(e -> (e.getSize() + ":" + e.getCrc()).equals(recordings.get(e.getName()))).count();
    }
    LeakTrace.Trace trace = LeakTrace.read(copy.file()).orElseThrow();
    License license = Objects.requireNonNull(trace.license(), "the copy carries no license");
    boolean verified = trace.verifiedBy(seller.keys().signing().publicKey());
    facts.put("recordings in the buyer's copy", kept + " of " + recordings.size() + " identical to the seller's");
    facts.put("licensed to", license.buyer() + " (transfer " + license.transferId() + ")");
    facts.put("license fingerprint", license.fingerprint() + (verified ? " (seller's signature verified)"
        : " (DOES NOT VERIFY)"));
    return kept == recordings.size() && verified && buyer.equals(license.buyer())
        && transfer.equals(license.transferId());
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
    var grant = new GrantOnPayment(seller, keyring, new PersonalizedGrant(seller, keyring,
        workDirectory.resolve("seller-copies"), TransferOptions.defaults(), License.defaultTerms()));
    return new InboxListener(new HttpMessageSource(seller), InboxCursor.file(workDirectory.resolve(
        "seller-inbox-cursor.json")), POLL_WAIT, sale)
        // the first payment_confirmed may already find the last input in: whichever message grants is the step
        .on(InboxMessage.PAYMENT_CONFIRMED, message -> steps.ifDone(personalized
            ? "seller's Ailock: personalize, upload, grant" : "seller's Ailock: grant on payment_confirmed",
            personalized ? productBytes : 0, () -> grant.react(message)))
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
