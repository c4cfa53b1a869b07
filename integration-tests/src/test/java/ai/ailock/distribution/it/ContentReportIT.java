package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.inbox.DownloadOnDelivery;
import ai.ailock.distribution.client.inbox.InboxMessage;
import ai.ailock.distribution.client.keystore.KeyFile;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.CommandScanner;
import ai.ailock.distribution.client.transfer.ContentRejectedException;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.schemas.WireJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Content checks on the real service (plan §8 and §12 "AV/moderation mocks"; docs/content.md): the buyer's SDK scans
 * the decrypted file with an antivirus command before it appears (here a stand-in with clamscan's exit codes that
 * flags the EICAR test string); a finding leaves no file, is reported, and quarantines the product: no new offer, grant
 * or ticket of it, while the seller's other products sell as before.
 */
class ContentReportIT extends SdkServerSupport {
  /** The EICAR antivirus test string, split so that this source file is not itself flagged. */
  static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-" + "STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
  private static final String POLICY = """
      {"price": {"amount": 900, "currency": "usd"}, "download_limit": 2}""";

  @TempDir Path work;
  Path scanner;

  @BeforeEach
  void antivirusStandIn() throws Exception {
    scanner = work.resolve("fake-clamscan");
    Files.writeString(scanner, """
        #!/bin/sh
        if grep -q 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE' "$1"; then echo "$1: Eicar-Test-Signature FOUND"; exit 1; fi
        echo "$1: OK"; exit 0
        """);
    Files.setPosixFilePermissions(scanner, PosixFilePermissions.fromString("rwx------"));
  }

  record Seller(SignedHttp http, ProductKeyring keyring) {
    String publish(Path file, Path work) throws Exception {
      UploadResult upload = new Uploader(new HttpUploadService(http), http.keys(), keyring, TransferOptions.defaults())
          .upload(file, new ProductDraft(file.getFileName().toString(), "text/plain",
              WireJson.mapper().readTree(POLICY)), work.resolve("state-" + file.getFileName() + ".json"),
              TransferListener.NONE);
      return upload.productId();
    }

    String sold(String product, SignedHttp buyer) throws Exception {
      String transfer = new Commerce(http).offer(product, buyerId(buyer), Commerce.Terms.productDefaults())
          .transferId();
      pay(buyer, transfer);
      new Delivery(http).grant(transfer, keyring.latestInputKey(product));
      return transfer;
    }
  }

  Seller seller() {
    SignedHttp http = registeredAilock();
    return new Seller(http, new ProductKeyring(work.resolve("keys-" + http.keys().keyId()), http.keys()));
  }

  static InboxMessage delivered(String transfer) {
    return new InboxMessage(1, "m-" + transfer, InboxMessage.PRODUCT_DELIVERY, transfer, null, Instant.now(),
        WireJson.mapper().createObjectNode());
  }

  @Test
  void aFindingLeavesNoFileIsReportedAndQuarantinesTheProduct() throws Exception {
    Seller seller = seller();
    String infected = seller.publish(Files.writeString(work.resolve("notes.txt"),
        "meeting notes\n" + EICAR + "\n"), work);
    String clean = seller.publish(Files.writeString(work.resolve("clean.txt"), "nothing to see\n"), work);
    SignedHttp alice = registeredAilock();
    SignedHttp bob = registeredAilock();
    String forAlice = seller.sold(infected, alice);
    String bobsPaid = new Commerce(seller.http()).offer(infected, buyerId(bob), Commerce.Terms.productDefaults())
        .transferId();
    pay(bob, bobsPaid);
    var scanning = TransferOptions.defaults().withScanner(new CommandScanner(List.of(scanner.toString())));
    var onDelivery = new DownloadOnDelivery(alice, work.resolve("alice"), work.resolve("alice-receipts"), scanning,
        TransferListener.NONE);

    assertThatThrownBy(() -> onDelivery.react(delivered(forAlice))).isInstanceOf(ContentRejectedException.class)
        .hasMessageContaining("Eicar-Test-Signature FOUND").hasMessageNotContaining(work.toString());

    try (var left = Files.walk(work.resolve("alice"))) {
      assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
    }
    assertThat(new Commerce(alice).transfer(forAlice).state()).isEqualTo("delivered");
    assertThat(refused(() -> new Commerce(seller.http()).offer(infected, buyerId(bob),
        Commerce.Terms.productDefaults())).code()).isEqualTo("content_quarantined");
    assertThat(refused(() -> new Delivery(seller.http()).grant(bobsPaid, seller.keyring().latestInputKey(infected)))
        .code()).isEqualTo("content_quarantined");
    assertThat(refused(() -> new Delivery(alice).ticket(forAlice)).code()).isEqualTo("content_quarantined");
    assertThat(new Delivery(alice).report(forAlice, "malware", "again").path("detail").asString())
        .as("a second report of the same kind is the first").contains("Eicar-Test-Signature");

    String forBob = seller.sold(clean, bob);
    var bobsDelivery = new DownloadOnDelivery(bob, work.resolve("bob"), work.resolve("bob-receipts"), scanning,
        TransferListener.NONE);
    var received = bobsDelivery.react(delivered(forBob)).orElseThrow();
    assertThat(received.transfer().state()).isEqualTo("acknowledged");
    assertThat(received.download().file()).hasContent("nothing to see");
  }

  @Test
  void onlyABuyerWhoDownloadedReportsAndTheCliScansAndReports() throws Exception {
    Path file = Files.writeString(work.resolve("readme.txt"), "install notes\n" + EICAR + "\n",
        StandardCharsets.UTF_8);
    CliOffer offered = cliOffer(work, POLICY, file, "--deposit-key");
    String buyerId = offered.buyerId();
    String productId = offered.productId();
    String transferId = offered.transferId();
    runCliOk(work, "buyer", "pay", transferId);

    Run early = runCli(work, "buyer", "report", transferId, "--kind", "abuse");
    assertThat(early.code()).isEqualTo(3);
    assertThat(early.err()).contains("not_downloaded");
    Run scanned = runCli(work, "buyer", "download", "--transfer", transferId, "--out", work.resolve("in").toString(),
        "--progress", "none", "--scan", scanner.toString());

    assertThat(scanned.code()).isEqualTo(7);
    assertThat(scanned.out()).contains("Rejected:    malware").contains("reported");
    assertThat(work.resolve("in").resolve("readme.txt")).doesNotExist();
    assertThat(runCliOk(work, "buyer", "report", transferId, "--kind", "abuse", "--detail", "spam").out())
        .contains("is quarantined");
    Run again = runCli(work, "seller", "offer", productId, buyerId);
    assertThat(again.code()).isEqualTo(3);
    assertThat(again.err()).contains("content_quarantined");
  }

  @Test
  void aReviewerClearsEachReportAndTheProductSellsAgain() throws Exception {
    Path file = Files.writeString(work.resolve("song.txt"), "lyrics\n" + EICAR + "\n", StandardCharsets.UTF_8);
    CliOffer offered = cliOffer(work, POLICY, file, "--deposit-key");
    String transferId = offered.transferId();
    runCliOk(work, "buyer", "pay", transferId);
    runCli(work, "buyer", "download", "--transfer", transferId, "--out", work.resolve("in").toString(),
        "--progress", "none", "--scan", scanner.toString()); // finds and reports malware
    runCliOk(work, "buyer", "report", transferId, "--kind", "abuse", "--detail", "\u001b[2Jspam\nand more");
    KeyFile.create(work.resolve("reviewer").resolve("identity.json"), REVIEWER, "a long passphrase".toCharArray());
    runCliOk(work, "reviewer", "register");

    Run notReviewer = runCli(work, "seller", "reports");
    assertThat(notReviewer.code()).isEqualTo(3);
    assertThat(notReviewer.err()).contains("only the reviewers the operator named").contains("not_reviewer");
    assertThat(runCli(work, "seller", "clear-report", UUID.randomUUID().toString(), "--reason", "mine").err())
        .contains("not_reviewer");
    String queue = runCliOk(work, "reviewer", "reports", "--limit", "100").out();
    List<String> lines = queue.lines().filter(line -> line.contains(offered.productId())).toList();
    assertThat(lines).hasSize(2);
    assertThat(queue).doesNotContain("\u001b").contains("spam and more");
    String malware = lines.stream().filter(line -> line.contains("malware")).findFirst().orElseThrow().split(" ")[0];
    String abuse = lines.stream().filter(line -> line.contains("abuse")).findFirst().orElseThrow().split(" ")[0];

    assertThat(runCliOk(work, "reviewer", "clear-report", malware, "--reason", "test string, not malware").out())
        .contains("is still quarantined by another open report");
    assertThat(runCli(work, "seller", "offer", offered.productId(), offered.buyerId()).err())
        .contains("content_quarantined");
    assertThat(runCliOk(work, "reviewer", "clear-report", abuse, "--reason", "lyrics are fine").out())
        .contains("is served again");

    assertThat(runCliOk(work, "seller", "offer", offered.productId(), offered.buyerId()).out()).contains("Transfer:");
    JsonNode again = new Delivery(reviewer()).clearReport(abuse, "a second look");
    assertThat(again.path("cleared").path("reason").asString()).as("the first clearance stands")
        .isEqualTo("lyrics are fine");
    assertThat(again.path("cleared").path("by").asString()).isEqualTo(REVIEWER.keyId());
    assertThat(again.path("quarantined").asBoolean()).isFalse();
    assertThat(new Delivery(reviewer()).openReports(100).path("reports").toString())
        .doesNotContain(offered.productId());
    assertThat(refused(() -> new Delivery(reviewer()).clearReport(UUID.randomUUID().toString(), "x")).code())
        .isEqualTo("report_not_found");
    assertThat(refused(() -> new Delivery(reviewer()).clearReport(malware, " ")).code())
        .isEqualTo("validation_failed");
  }
}
