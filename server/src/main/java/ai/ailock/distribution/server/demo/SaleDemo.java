package ai.ailock.distribution.server.demo;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.cli.ProgressBar;
import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.schemas.WireJson;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A complete sale between two fresh Ailocks, against a running service: the seller uploads a generated product
 * with one input required before payment and one after, offers it with its key sealed to the buyer; the buyer
 * supplies the inputs, pays at the local checkout emulator (a signed Stripe-format webhook), receives its ticket,
 * downloads, decrypts, verifies and acknowledges. Each run uses new identities, so runs repeat on the same data.
 */
public final class SaleDemo {
  private static final String POLICY = """
      {"price": {"amount": 1500, "currency": "usd"}, "download_limit": 1, "required_inputs": [
        {"id": "company", "label": "Licensed to (company)", "type": "text", "timing": "pre_payment", "required": true},
        {"id": "website", "label": "Where the product will be used", "type": "url",
         "timing": "post_payment_pre_grant", "required": true}]}
      """;

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
    String buyerId = buyerAilock.ailockId();
    byte[] inputKey = keyring.inputKey(upload.productId(), upload.version()).orElseThrow();
    TransferInfo offered = steps.run("seller: offer, key sealed to the buyer", () -> new Delivery(seller)
        .offerWithKey(upload.productId(), buyerId, Commerce.Terms.productDefaults(), inputKey));
    String transfer = offered.transferId();
    Commerce buying = new Commerce(buyer);
    steps.run("buyer: pre-payment input", () -> buying.submit(transfer, Map.of("company", "ACME Field Audio Ltd")));
    Checkout checkout = steps.run("buyer: invoice (checkout session)", () -> buying.invoice(transfer));
    steps.run("buyer: pay at the emulator (signed webhook)", () -> buying.payWithEmulator(checkout.checkoutUrl(), "paid"));
    steps.run("buyer: post-payment input", () -> buying.submit(transfer, Map.of("website", "https://acme.example")));
    var receiving = new Delivery(buyer);
    Ticket ticket = steps.run("buyer: delivery ticket (grant)", () -> receiving.ticket(transfer));
    DownloadResult result = steps.timed("buyer: download + decrypt + verify", productBytes, () -> receiving.download(
        ticket, workDirectory.resolve("received"), true, TransferOptions.defaults(), progress()));
    TransferInfo acknowledged = steps.run("buyer: signed receipt", () -> receiving.acknowledge(transfer, result));
    boolean same = result.clientHash().equals(upload.plaintextSha256());
    steps.summary(Map.of(
        "product", upload.productId(), "transfer", transfer,
        "plaintext sha256 (seller)", upload.plaintextSha256(), "plaintext sha256 (buyer)", result.clientHash(),
        "ciphertext sha256", upload.ciphertextSha256(), "manifest sha256", upload.manifestSha256(),
        "final transfer state", acknowledged.state(), "paid", checkout.amount() + " " + checkout.currency()));
    Files.deleteIfExists(product);
    Files.deleteIfExists(result.file());
    return same && "acknowledged".equals(acknowledged.state());
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
