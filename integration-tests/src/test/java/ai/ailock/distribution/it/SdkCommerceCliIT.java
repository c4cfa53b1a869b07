package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.cli.AilockCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selling with the {@code ailock} CLI on the single-node defaults (the local checkout emulator plays Stripe): offer,
 * requirements, submit (with a file encrypted to the seller), pay, transfer; and two {@code ailock listen} processes
 * that finish a sale on their own (grant; download, verify, acknowledge) and stop cleanly.
 */
class SdkCommerceCliIT extends SdkServerSupport {
  @TempDir Path dir;

  Run ailock(String who, String... args) {
    return runCli(dir, who, args);
  }

  Run ok(String who, String... args) {
    return runCliOk(dir, who, args);
  }

  /** Keys and registration for a seller and a buyer, under {@code dir/seller} and {@code dir/buyer}. @return the buyer's id */
  String sellerAndBuyer() throws java.io.IOException {
    Files.writeString(dir.resolve("passphrase.txt"), "a long passphrase\n");
    ok("seller", "keygen");
    ok("seller", "register");
    ok("buyer", "keygen");
    return SdkLargeFileIT.field(ok("buyer", "register").out(), "Ailock id:");
  }

  @Test
  void sellsAProductWithInputsThroughTheEmulator() throws Exception {
    String buyerId = sellerAndBuyer();
    Path policy = Files.writeString(dir.resolve("policy.json"), """
        {"price": {"amount": 2500, "currency": "usd"}, "required_inputs": [
          {"id": "company", "label": "Company", "type": "text", "timing": "pre_payment", "required": true},
          {"id": "logo", "label": "Logo", "type": "file", "timing": "post_payment_pre_grant", "required": true,
           "constraints": {"mime_types": ["image/*"], "max_size_mb": 1}}]}""");
    Path file = generate(dir.resolve("pack.zip"), 100_000, 5);
    String productId = SdkLargeFileIT.field(ok("seller", "upload", file.toString(), "--policy", policy.toString(),
        "--progress", "none").out(), "Product:");

    String transferId = SdkLargeFileIT.field(ok("seller", "offer", productId, buyerId).out(), "Transfer:");
    Run requirements = ok("buyer", "requirements", transferId);
    assertThat(requirements.out()).contains("company").contains("logo").contains("Missing before payment: company");

    Run early = ailock("buyer", "pay", transferId);
    assertThat(early.code()).isEqualTo(3);
    assertThat(early.err()).contains("required inputs are missing");

    ok("buyer", "submit", transferId, "company=ACME Ltd");
    Run pay = ok("buyer", "pay", transferId);
    assertThat(pay.out()).contains("25.00 USD").contains("checkout.session.completed").contains("paid_pending_inputs");

    Path logo = generate(dir.resolve("logo.png"), 20_000, 6);
    Run submit = ok("buyer", "submit", transferId, "--file", "logo=" + logo, "--type", "logo=image/png");
    assertThat(submit.out()).contains("encrypted to the seller").contains("(paid)");

    String attachment = submit.out().replaceAll("(?s).*as attachment ([0-9a-f-]{36}).*", "$1");
    assertThat(ok("seller", "transfer", transferId).out()).contains("(paid)").contains("Payment:   paid")
        .contains("logo = " + attachment).contains("company = ACME Ltd");
    Path received = dir.resolve("from-buyer").resolve("logo.png");
    assertThat(ok("seller", "attachment", attachment, "--out", received.toString()).out())
        .contains("20000 bytes, verified");
    assertThat(received).hasSameBinaryContentAs(logo);
    Run buyersOwn = ailock("buyer", "attachment", attachment, "--out", dir.resolve("mine.png").toString());
    assertThat(buyersOwn.code()).isEqualTo(3);
    assertThat(buyersOwn.err()).contains("not_seller");
  }

  /** Starts {@code ailock ARGS} as its own process (so it can be stopped like Ctrl-C: SIGTERM runs the hooks). */
  Process ailockProcess(String who, Path out, String... args) throws java.io.IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", System.getProperty("java.class.path"), "ai.ailock.distribution.client.cli.AilockCli",
        "--home", dir.resolve(who).toString(), "--server", functions().toString(),
        "--passphrase-file", dir.resolve("passphrase.txt").toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  static void awaitLine(Path output, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.readString(output).contains(text)) {
      assertThat(System.nanoTime()).as("'%s' in%n%s", text, Files.readString(output)).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void listenGrantsOnPaymentAndListenDownloadsAndAcknowledgesUntilStopped() throws Exception {
    String buyerId = sellerAndBuyer();
    Path policy = Files.writeString(dir.resolve("policy.json"), """
        {"price": {"amount": 900, "currency": "eur"}, "required_inputs": [
          {"id": "website", "label": "Website", "type": "url", "timing": "post_payment_pre_grant", "required": true}]}""");
    Path file = generate(dir.resolve("pack.zip"), 300_000, 9);
    String productId = SdkLargeFileIT.field(ok("seller", "upload", file.toString(), "--policy", policy.toString(),
        "--progress", "none").out(), "Product:");
    Path sellerOut = dir.resolve("seller-listen.out");
    Path buyerOut = dir.resolve("buyer-listen.out");
    Process seller = ailockProcess("seller", sellerOut, "listen", "--grant", "--wait", "5");
    Process buyer = ailockProcess("buyer", buyerOut, "listen", "--download", dir.resolve("bought").toString(),
        "--wait", "5", "--progress", "plain");
    try {
      awaitLine(sellerOut, "listening as");
      awaitLine(buyerOut, "listening as");

      String transferId = SdkLargeFileIT.field(ok("seller", "offer", productId, buyerId).out(), "Transfer:");
      ok("buyer", "pay", transferId);
      ok("buyer", "submit", transferId, "website=https://acme.example");

      awaitLine(buyerOut, "acked    " + transferId + ": the transfer is acknowledged");
      assertThat(Files.readString(sellerOut)).contains("granted  " + transferId);
      Path received = dir.resolve("bought").resolve(transferId).resolve("pack.zip");
      assertThat(sha256(received)).isEqualTo(sha256(file));
      assertThat(Files.readString(buyerOut)).contains("received " + transferId).contains("Downloading")
          .doesNotContain("ailock listen:");
      assertThat(ok("seller", "transfer", transferId).out()).contains("(acknowledged)");
    } finally {
      seller.destroy();
      buyer.destroy();
    }
    assertThat(seller.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(buyer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(buyerOut)).contains("stopped at inbox position");
    assertThat(Files.readString(sellerOut)).contains("stopped at inbox position");
    assertThat(Files.readString(dir.resolve("buyer").resolve("inbox-cursor.json"))).contains("ailock-inbox-cursor-v1");
  }
}
