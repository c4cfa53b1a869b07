package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.identity.KeyRotation;
import ai.ailock.distribution.client.keystore.KeyFile;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.schemas.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation on both sides of a sale, with the SDK's key files: the seller rotates after publishing, the buyer after
 * its envelope was sealed; the buyer still verifies the manifest (signed by the seller's retired key), opens the
 * envelope (sealed to its own retired key), downloads and acknowledges with its new key; the seller still reads its
 * product key. Retired keys authenticate nothing.
 */
class KeyRotationIT extends SdkServerSupport {
  static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  @TempDir Path dir;

  @Test
  void aSaleCompletesAcrossBothPartiesKeyRotations() throws Exception {
    Path sellerKeyFile = dir.resolve("seller.json");
    Path buyerKeyFile = dir.resolve("buyer.json");
    SignedHttp seller = registered(sellerKeyFile, null);
    SignedHttp buyer = registered(buyerKeyFile, PASSPHRASE);
    String sellerId = seller.keys().keyId();
    String buyerId = buyer.keys().keyId();
    Path file = generate(dir.resolve("tracks.zip"), 700_000, 7);
    UploadResult upload = new Uploader(new HttpUploadService(seller), seller.keys(),
        new ProductKeyring(dir.resolve("seller-products"), seller.keys()), TransferOptions.defaults())
        .upload(file, new ProductDraft("Tracks", "application/zip",
            WireJson.mapper().readTree("{\"price\": {\"amount\": 1200, \"currency\": \"usd\"}, \"download_limit\": 1}")),
            dir.resolve("upload-state.json"), TransferListener.NONE);
    String id = new Commerce(seller).offer(upload.productId(), buyerId, Commerce.Terms.productDefaults()).transferId();
    pay(buyer, id);

    AilockKeys sellerNext = KeyRotation.rotate(seller, sellerId, sellerKeyFile, null);
    SignedHttp seller2 = seller.signingWith(KeyFile.load(sellerKeyFile, null));
    assertThat(seller2.keys().keyId()).isEqualTo(sellerNext.keyId()).isNotEqualTo(sellerId);
    byte[] inputKey = new ProductKeyring(dir.resolve("seller-products"), seller2.keys())
        .inputKey(upload.productId(), 1).orElseThrow();
    new Delivery(seller2).grant(id, inputKey);
    assertUnauthenticated(() -> new Commerce(seller).transfer(id));

    AilockKeys buyerNext = KeyRotation.rotate(buyer, buyerId, buyerKeyFile, PASSPHRASE);
    SignedHttp buyer2 = buyer.signingWith(KeyFile.load(buyerKeyFile, PASSPHRASE));
    assertThat(buyer2.keys().keyId()).isEqualTo(buyerNext.keyId());
    assertThat(KeyRotation.pendingFile(buyerKeyFile)).doesNotExist();

    Ticket ticket = new Delivery(buyer2).ticket(id);
    assertThat(ticket.recipientKeyId()).as("the envelope was sealed before the rotation").isEqualTo(buyerId);
    DownloadResult result = new Delivery(buyer2).download(ticket, dir.resolve("received"), false,
        TransferOptions.defaults(), TransferListener.NONE);
    assertThat(result.file()).hasSameBinaryContentAs(file);
    assertThat(new Delivery(buyer2).acknowledge(id, result).state()).isEqualTo("acknowledged");

    var sellerKeys = new HttpIdentities(buyer2).lookupKey(sellerId, sellerId);
    assertThat(sellerKeys.keyId()).isEqualTo(sellerId);
    assertThat(new HttpIdentities(buyer2).lookup(sellerId).keyId()).isEqualTo(sellerNext.keyId());
    assertUnauthenticated(() -> new Commerce(buyer).transfer(id));
  }

  @Test
  void aRotationWhoseAnswerWasLostCompletesWhenRunAgain() throws Exception {
    Path keyFile = dir.resolve("lost.json");
    SignedHttp ailock = registered(keyFile, null);
    String ailockId = ailock.keys().keyId();
    AilockKeys next = ailock.keys().successor();
    KeyFile.create(KeyRotation.pendingFile(keyFile), next, null);
    new HttpIdentities(ailock).rotate(ailockId, next); // the service rotated; the answer never reached the key file

    AilockKeys inForce = KeyRotation.rotate(ailock, ailockId, keyFile, null);

    assertThat(inForce.keyId()).isEqualTo(next.keyId());
    assertThat(KeyFile.load(keyFile, null).keyId()).isEqualTo(next.keyId());
    assertThat(KeyFile.load(keyFile, null).encryptionFor(ailockId).publicKey())
        .isEqualTo(ailock.keys().encryption().publicKey());
    assertThat(KeyRotation.pendingFile(keyFile)).doesNotExist();
  }

  @Test
  void aRefusedRotationLeavesTheKeysAsTheyWere() throws Exception {
    Path keyFile = dir.resolve("refused.json");
    SignedHttp ailock = registered(keyFile, null);
    SignedHttp other = registeredAilock();
    byte[] before = Files.readAllBytes(keyFile);

    assertThatThrownBy(() -> KeyRotation.rotate(ailock, other.keys().keyId(), keyFile, null))
        .isInstanceOfSatisfying(DistributionApiException.class, e -> assertThat(e.code())
            .as("a rotation statement for another Ailock").isEqualTo("signature_invalid"));

    assertThat(Files.readAllBytes(keyFile)).isEqualTo(before);
    assertThat(KeyRotation.pendingFile(keyFile)).doesNotExist();
    assertThat(new HttpIdentities(ailock).lookup(ailock.keys().keyId()).keyId()).isEqualTo(ailock.keys().keyId());
  }

  private SignedHttp registered(Path keyFile, char[] passphrase) throws Exception {
    AilockKeys keys = AilockKeys.generate();
    KeyFile.create(keyFile, keys, passphrase, KeyFile.MIN_ITERATIONS);
    SignedHttp http = new SignedHttp(functions(), KeyFile.load(keyFile, passphrase));
    new HttpIdentities(http).register(http.keys());
    return http;
  }

  private static void assertUnauthenticated(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DistributionApiException.class,
        e -> assertThat(e.status()).isEqualTo(401));
  }
}
