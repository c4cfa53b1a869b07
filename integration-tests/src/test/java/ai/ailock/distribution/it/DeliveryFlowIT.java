package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.delivery.ClaimContentSource;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.DownloadSessionInfo;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.transfer.ContentSource;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.IntegrityException;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.TransferProgress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole delivery on real components (issue 5): the SDK encrypts and uploads, the seller offers with buyer inputs,
 * the buyer supplies them and pays at the local checkout emulator (which posts a signed Stripe event to the webhook),
 * the seller grants its key sealed to the buyer, the buyer claims a one-time download session, downloads the chunks,
 * decrypts, verifies the plaintext hash, and acknowledges with a signed receipt.
 */
class DeliveryFlowIT extends SdkServerSupport {
  static final int CHUNK = 64 * 1024;

  @TempDir Path dir;

  Published published(String policyJson, long size) throws Exception {
    return published(dir, policyJson, size, CHUNK);
  }

  @Test
  void offerInputsPayGrantClaimDownloadVerifyAndAcknowledge() throws Exception {
    Published product = published("""
        {"price": {"amount": 2500, "currency": "usd"}, "download_limit": 2, "required_inputs": [
          {"id": "company", "label": "Company", "type": "text", "timing": "pre_payment", "required": true},
          {"id": "website", "label": "Website", "type": "url", "timing": "post_payment_pre_grant", "required": true}]}
        """, 1_000_000);
    SignedHttp buyer = registeredAilock();
    Commerce buying = new Commerce(buyer);
    TransferInfo offered = new Commerce(product.seller()).offer(product.upload().productId(), buyerId(buyer),
        Commerce.Terms.productDefaults());
    String id = offered.transferId();

    buying.submit(id, Map.of("company", "ACME Ltd"));
    pay(buyer, id);
    assertThat(buying.transfer(id).state()).isEqualTo("paid_pending_inputs");
    Delivery selling = new Delivery(product.seller());
    byte[] inputKey = product.keyring().inputKey(product.upload().productId(), 1).orElseThrow();
    assertThatThrownBy(() -> selling.grant(id, inputKey)).isInstanceOfSatisfying(DistributionApiException.class,
        e -> assertThat(e.code()).isEqualTo("missing_inputs"));
    assertThat(buying.submit(id, Map.of("website", "https://acme.example")).state()).isEqualTo("paid");

    Ticket granted = selling.grant(id, inputKey);
    assertThat(granted.state()).isEqualTo("delivered");
    assertThat(granted.toString()).doesNotContain(granted.claimToken());

    Delivery receiving = new Delivery(buyer);
    Ticket ticket = receiving.ticket(id);
    List<TransferProgress> progress = new CopyOnWriteArrayList<>();
    DownloadResult result = receiving.download(ticket, dir.resolve("received"), false,
        TransferOptions.defaults().withParallelism(3), progress::add);

    assertThat(result.file()).hasFileName("pack.zip").hasSameBinaryContentAs(product.file());
    assertThat(result.clientHash()).isEqualTo(sha256(product.file())).isEqualTo(product.upload().plaintextSha256());
    assertThat(result.manifestSha256()).isEqualTo(ticket.manifestSha256());
    assertThat(progress).isNotEmpty();

    TransferInfo acknowledged = receiving.acknowledge(id, result);
    assertThat(acknowledged.state()).isEqualTo("acknowledged");
    JsonNode evidence = selling.evidence(id);
    assertThat(evidence.path("receipt").path("document").path("client_hash").asString())
        .isEqualTo(result.clientHash());
    assertThat(evidence.path("download_sessions").get(0).path("completed_by").asString()).isEqualTo("chunks");
    assertThat(evidence.path("access_activity_log_text").asString()).contains("chunk 15 downloaded");
  }

  @Test
  void aCorruptedChunkIsDetectedAndNoFileAppears() throws Exception {
    Published product = published("{\"price\": {\"amount\": 900, \"currency\": \"eur\"}}", 300_000);
    SignedHttp buyer = registeredAilock();
    String id = new Commerce(product.seller()).offer(product.upload().productId(), buyerId(buyer),
        Commerce.Terms.productDefaults()).transferId();
    pay(buyer, id);
    Ticket ticket = new Delivery(product.seller()).grant(id,
        product.keyring().inputKey(product.upload().productId(), 1).orElseThrow());
    DownloadSessionInfo session = new Delivery(buyer).claim(ticket);
    assertThat(session.chunkCount()).isEqualTo(5);
    var honest = new ClaimContentSource(buyer, id, ticket.claimToken());
    ContentSource corrupting = new ContentSource() {
      @Override
      public byte[] manifest() throws java.io.IOException {
        return honest.manifest();
      }

      @Override
      public InputStream chunk(int index, long from) throws java.io.IOException {
        byte[] bytes = honest.chunk(index, from).readAllBytes();
        if (index == 2) {
          bytes[100] ^= 0x40;
        }
        return new ByteArrayInputStream(bytes);
      }
    };
    var seller = new HttpIdentities(buyer).lookup(ticket.seller());
    var request = new DownloadRequest(ticket.productId(), seller.ed25519PublicKey(),
        (p, v) -> KeyEnvelopes.open(ticket.keyEnvelope(), buyer.keys().encryption()), dir.resolve("bad"), false);

    assertThatThrownBy(() -> new Downloader(TransferOptions.defaults()).download(corrupting, request,
        TransferListener.NONE)).isInstanceOf(IntegrityException.class);
    assertThat(dir.resolve("bad")).isEmptyDirectory();
  }

  @Test
  void theCliSellsWithTheKeyDepositedAtOfferTimeAndTheBuyerDownloadsAndAcknowledges() throws Exception {
    Files.writeString(dir.resolve("passphrase.txt"), "a long passphrase\n");
    ok("seller", "keygen");
    ok("seller", "register");
    ok("buyer", "keygen");
    String buyerId = SdkLargeFileIT.field(ok("buyer", "register").out(), "Ailock id:");
    Path policy = Files.writeString(dir.resolve("policy.json"), "{\"price\": {\"amount\": 700, \"currency\": \"usd\"}}");
    Path file = generate(dir.resolve("notes.pdf"), 150_000, 9);
    String productId = SdkLargeFileIT.field(ok("seller", "upload", file.toString(), "--policy", policy.toString(),
        "--progress", "none").out(), "Product:");
    String transferId = SdkLargeFileIT.field(ok("seller", "offer", productId, buyerId, "--deposit-key").out(),
        "Transfer:");

    assertThat(ok("buyer", "pay", transferId).out()).contains("(delivered)");
    Run download = ok("buyer", "download", "--transfer", transferId, "--out", dir.resolve("in").toString(),
        "--progress", "none");
    assertThat(download.out()).contains("(verified)").contains("ailock ack " + transferId);
    assertThat(dir.resolve("in").resolve("notes.pdf")).hasSameBinaryContentAs(file);
    assertThat(ok("buyer", "ack", transferId).out()).contains("(acknowledged)");
    Run evidence = ok("seller", "dispute", transferId, "--evidence");
    assertThat(evidence.out()).contains("delivery.download_completed").contains("\"verified\" : true");

    Run again = ailock("buyer", "ack", transferId);
    assertThat(again.code()).isEqualTo(1);
    Run revoke = ailock("seller", "revoke", transferId);
    assertThat(revoke.code()).isEqualTo(3);
    assertThat(revoke.err()).contains("illegal_transition");
  }

  Run ailock(String who, String... args) {
    return runCli(dir, who, args);
  }

  Run ok(String who, String... args) {
    return runCliOk(dir, who, args);
  }
}
