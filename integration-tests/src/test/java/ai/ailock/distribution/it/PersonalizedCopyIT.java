package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.inbox.GrantOnPayment;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Personalized copies on the real service (docs/personalization.md): a product whose policy asks for them is granted
 * to each buyer only with that buyer's copy, which the seller's Ailock builds (LICENSE.txt, license file, watermarks),
 * encrypts and uploads; the buyer gets the product's entries unchanged plus a license naming its purchase, and a
 * leaked copy leads the seller, and only the seller, back to that purchase.
 */
class PersonalizedCopyIT extends SdkServerSupport {
  private static final String POLICY = """
      {"price": {"amount": 2500, "currency": "usd"}, "download_limit": 2, "personalized_copies": true}""";
  private static final TransferOptions OPTIONS = TransferOptions.defaults().withChunkSize(64 * 1024);

  @TempDir Path work;

  record Seller(SignedHttp http, ProductKeyring keyring, String productId, Path zip) {}

  /** A seller uploads a real ZIP archive (a text entry, deflated, and 300 KB of random bytes, stored). */
  Seller sellerWithZip() throws Exception {
    SignedHttp http = registeredAilock();
    var keyring = new ProductKeyring(work.resolve("seller-keys"), http.keys());
    Path zip = work.resolve("assets.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("README.md"));
      out.write("# Logo pack\nUse the logos in assets/.\n".repeat(50).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      byte[] logo = new byte[300_000];
      new Random(7).nextBytes(logo);
      var stored = new ZipEntry("assets/logo.bin");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(logo.length);
      var crc = new CRC32();
      crc.update(logo);
      stored.setCrc(crc.getValue());
      out.putNextEntry(stored);
      out.write(logo);
      out.closeEntry();
    }
    UploadResult upload = new Uploader(new HttpUploadService(http), http.keys(), keyring, OPTIONS).upload(zip,
        new ProductDraft("Logo pack", "application/zip", WireJson.mapper().readTree(POLICY)),
        work.resolve("upload-state.json"), TransferListener.NONE);
    return new Seller(http, keyring, upload.productId(), zip);
  }

  static String offeredAndPaid(Seller seller, SignedHttp buyer) {
    String id = new Commerce(seller.http()).offer(seller.productId(), buyerId(buyer),
        Commerce.Terms.productDefaults()).transferId();
    pay(buyer, id);
    return id;
  }

  PersonalizedGrant personalizedGrant(Seller seller) {
    return new PersonalizedGrant(seller.http(), seller.keyring(), work.resolve("copies"), OPTIONS,
        License.defaultTerms());
  }

  static byte[] entry(Path zip, String name) throws IOException {
    try (var file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry(name);
      assertThat(entry).as(name + " in " + zip).isNotNull();
      try (var in = file.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }

  @Test
  void eachBuyerGetsItsOwnLicensedCopyAndALeakLeadsTheSellerToThePurchase() throws Exception {
    Seller seller = sellerWithZip();
    SignedHttp alice = registeredAilock();
    SignedHttp bob = registeredAilock();
    String forAlice = offeredAndPaid(seller, alice);
    String forBob = offeredAndPaid(seller, bob);
    assertThat(new Commerce(alice).transfer(forAlice).json().path("policy").path("personalized_copies").asBoolean())
        .isTrue();

    byte[] productKey = seller.keyring().latestInputKey(seller.productId());
    DistributionApiException generic = refused(() -> new Delivery(seller.http()).grant(forAlice, productKey));
    assertThat(generic.status()).isEqualTo(409);
    assertThat(generic.code()).isEqualTo("copy_required");

    Ticket aliceTicket = personalizedGrant(seller).grant(forAlice, TransferListener.NONE).ticket();
    var onPayment = new GrantOnPayment(seller.http(), seller.keyring(), personalizedGrant(seller));
    Ticket bobTicket = onPayment.react(new InboxMessage(1, "m-1", InboxMessage.PAYMENT_CONFIRMED, forBob, null,
        Instant.now(), WireJson.mapper().createObjectNode())).orElseThrow();

    assertThat(aliceTicket.productId()).isNotEqualTo(seller.productId()).isNotEqualTo(bobTicket.productId());
    try (var left = Files.list(work.resolve("copies"))) {
      assertThat(left.toList()).as("the seller's plaintext and copies are gone").isEmpty();
    }
    DownloadResult aliceCopy = new Delivery(alice).download(aliceTicket, work.resolve("alice"), false, OPTIONS,
        TransferListener.NONE);
    DownloadResult bobCopy = new Delivery(bob).download(bobTicket, work.resolve("bob"), false, OPTIONS,
        TransferListener.NONE);

    for (String name : new String[] {"README.md", "assets/logo.bin"}) {
      assertThat(entry(aliceCopy.file(), name)).isEqualTo(entry(seller.zip(), name));
      assertThat(entry(bobCopy.file(), name)).isEqualTo(entry(seller.zip(), name));
    }
    String aliceId = buyerId(alice);
    assertThat(new String(entry(aliceCopy.file(), "LICENSE.txt"), StandardCharsets.UTF_8))
        .contains(aliceId, forAlice).doesNotContain(buyerId(bob));
    LeakTrace.Trace leaked = LeakTrace.read(aliceCopy.file()).orElseThrow();
    License license = leaked.license();
    assertThat(license).isNotNull();
    assertThat(license.buyer()).isEqualTo(aliceId);
    assertThat(license.transferId()).isEqualTo(forAlice);
    assertThat(license.title()).isEqualTo("Logo pack"); // the product's title, read back with products-get
    assertThat(leaked.verifiedBy(seller.http().keys().signing().publicKey())).isTrue();
    assertThat(LeakTrace.read(bobCopy.file()).orElseThrow().license().fingerprint())
        .isNotEqualTo(license.fingerprint());

    JsonNode traced = seller.http().getJson("transfers-copy-trace",
        Map.of("license_fingerprint", license.fingerprint()));
    assertThat(traced.path("transfer_id").asString()).isEqualTo(forAlice);
    assertThat(traced.path("transfer").path("recipient").asString()).isEqualTo(aliceId);
    assertThat(refused(() -> alice.getJson("transfers-copy-trace",
        Map.of("license_fingerprint", license.fingerprint()))).status()).isEqualTo(404);

    assertThat(new Delivery(alice).acknowledge(forAlice, aliceCopy).state()).isEqualTo("acknowledged");
    JsonNode evidence = new Delivery(seller.http()).evidence(forAlice);
    assertThat(evidence.path("personalized_copy").path("license_fingerprint").asString())
        .isEqualTo(license.fingerprint());
  }

  @Test
  void aCopyIsRegisteredOnceBeforeTheGrantAndNeverOffered() throws Exception {
    Seller seller = sellerWithZip();
    SignedHttp buyer = registeredAilock();
    String transfer = offeredAndPaid(seller, buyer);
    var body = WireJson.mapper().createObjectNode().put("transfer_id", transfer)
        .put("content_type", "application/zip").put("size", 1000).put("license_fingerprint", "a".repeat(32));

    JsonNode first = seller.http().postJson("transfers-copy-create", body);
    JsonNode again = seller.http().postJson("transfers-copy-create", body);

    assertThat(again.path("product_id").asString()).isEqualTo(first.path("product_id").asString());
    assertThat(first.path("status").asString()).isEqualTo("draft");
    assertThat(refused(() -> seller.http().postJson("transfers-copy-create", body.deepCopy().put("size", 1001)))
        .code()).isEqualTo("copy_conflict");
    assertThat(refused(() -> buyer.postJson("transfers-copy-create", body)).code()).isEqualTo("not_seller");
    DistributionApiException malformed = refused(() -> seller.http().postJson("transfers-copy-create",
        body.deepCopy().put("license_fingerprint", "not hex")));
    assertThat(malformed.status()).isEqualTo(422);
    assertThat(malformed.code()).isEqualTo("validation_failed");
    DistributionApiException offered = refused(() -> new Commerce(seller.http()).offer(
        first.path("product_id").asString(), buyerId(buyer), Commerce.Terms.productDefaults()));
    assertThat(offered.code()).isIn("product_not_ready", "validation_failed");
  }

  @Test
  void theCliPersonalizesAFileThatIsNotAnArchiveAndTracesTheLeakedCopy() throws Exception {
    Path file = generate(work.resolve("track.flac"), 200_000, 3);
    CliOffer offered = cliOffer(work, POLICY, file);
    String buyerId = offered.buyerId();
    String transferId = offered.transferId();
    runCliOk(work, "buyer", "pay", transferId);

    Run plainGrant = runCli(work, "seller", "grant", transferId);
    assertThat(plainGrant.code()).isEqualTo(3);
    assertThat(plainGrant.err()).contains("copy_required");
    Run personalized = runCliOk(work, "seller", "personalize", transferId, "--progress", "none");
    assertThat(personalized.out()).contains("licensed to " + buyerId);
    runCliOk(work, "buyer", "download", "--transfer", transferId, "--out", work.resolve("in").toString(),
        "--progress", "none", "--ack");

    Path copy = work.resolve("in").resolve("track.flac.zip");
    assertThat(entry(copy, "track.flac")).isEqualTo(Files.readAllBytes(file));
    Run traced = runCliOk(work, "seller", "trace", copy.toString());
    assertThat(traced.out()).contains("signature verified").contains("Licensed to: " + buyerId)
        .contains("Purchase:    transfer " + transferId);
    assertThat(runCliOk(work, "buyer", "trace", copy.toString()).out()).contains("not one of your copies");
    assertThat(runCli(work, "seller", "trace", file.toString()).code()).isEqualTo(3);
  }
}
