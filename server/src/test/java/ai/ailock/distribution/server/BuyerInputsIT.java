package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import java.io.ByteArrayInputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Attachments checked against their input's constraints, and file values that name no attachment of theirs. */
class BuyerInputsIT extends StripeStubbedServer {
  TestAilock seller;
  TestAilock buyer;
  String transferId;

  @BeforeEach
  void offered() {
    seller = market.ailock();
    buyer = market.ailock();
    transferId = market.offer(seller, buyer, Market.policyWithInputs()).transferId();
  }

  Market.Answer init(TestAilock who, String inputId, String contentType, long size) {
    return market.post(who, "attachments-upload-init", Map.of("transfer_id", transferId, "input_id", inputId,
        "content_type", contentType, "size", size, "ciphertext_length", CiphertextLayout.ciphertextLength(size)));
  }

  @Test
  void refusesAnAttachmentOverTheInputsSizeLimit() {
    Market.Answer tooLarge = init(buyer, "logo", "image/png", 1024 * 1024 + 1);
    assertThat(tooLarge.status()).isEqualTo(422);
    assertThat(tooLarge.code()).isEqualTo("attachment_too_large");
    assertThat(init(buyer, "logo", "image/png", 1024 * 1024).status()).isEqualTo(200);
  }

  @Test
  void refusesAnAttachmentOfATypeTheInputDoesNotAccept() {
    Market.Answer jpeg = init(buyer, "logo", "image/jpeg", 1000);
    assertThat(jpeg.status()).isEqualTo(422);
    assertThat(jpeg.code()).isEqualTo("attachment_type_not_allowed");
    assertThat(init(buyer, "logo", "image/svg+xml", 1000).status()).isEqualTo(200);
  }

  @Test
  void refusesAttachmentsForTextInputsForOthersAndWithALyingCiphertextLength() {
    assertThat(init(buyer, "company", "image/png", 10).body().path("violations").get(0).path("pointer").asString())
        .isEqualTo("/input_id");
    assertThat(init(seller, "logo", "image/png", 10).code()).isEqualTo("not_recipient");
    Market.Answer lying = market.post(buyer, "attachments-upload-init", Map.of("transfer_id", transferId,
        "input_id", "logo", "content_type", "image/png", "size", 10, "ciphertext_length", 90));
    assertThat(lying.code()).isEqualTo("ciphertext_length_mismatch");
  }

  @Test
  void aFileValueMustNameACompletedAttachmentOfThatInput() throws Exception {
    Market.Answer unknown = market.post(buyer, "transfers-requirements-submit", Map.of("transfer_id", transferId,
        "inputs", Map.of("logo", "7f8a2a9e-3f43-4a53-9d7b-0f6f1a3f0c11")));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body().path("violations")).extracting(v -> v.path("pointer").asString())
        .containsExactly("/inputs/logo");
    Market.Answer notAnId = market.post(buyer, "transfers-requirements-submit", Map.of("transfer_id", transferId,
        "inputs", Map.of("logo", "logo.png")));
    assertThat(notAnId.body().path("violations")).extracting(v -> v.path("pointer").asString())
        .containsOnly("/inputs/logo");

    String attachment = Market.commerce(buyer).uploadAttachment(transferId, "logo", new byte[5000], "image/png");
    TransferInfo withLogo = Market.commerce(buyer).submit(transferId, Map.of("logo", attachment));
    assertThat(withLogo.buyerInputs()).containsEntry("logo", attachment);
    assertThat(withLogo.state()).isEqualTo("offered");
  }

  /** Uploads {@code content} for the logo input in chunks of 64 KiB, encrypted to the seller; @return its id */
  String attachInChunks(byte[] content) throws Exception {
    byte[] inputKey = CobblestoneEncryptor.generateKey();
    byte[] ciphertext;
    try (var encrypting = CobblestoneEncryptor.encrypting(inputKey,
        CobblestoneContext.attachment(transferId, "logo"), new ByteArrayInputStream(content))) {
      ciphertext = encrypting.readAllBytes();
    }
    Market.Answer session = market.post(buyer, "attachments-upload-init", Map.of("transfer_id", transferId,
        "input_id", "logo", "content_type", "image/png", "size", content.length, "ciphertext_length",
        ciphertext.length, "chunk_size", 65536));
    String uploadId = session.body().path("upload_id").asString();
    int chunks = session.body().path("chunk_count").asInt();
    assertThat(chunks).isGreaterThan(1);
    for (int index = 0; index < chunks; index++) {
      int offset = index * 65536;
      int length = Math.min(65536, ciphertext.length - offset);
      buyer.http().postBytes("attachments-upload-chunk", Map.of("upload_id", uploadId, "index",
          Integer.toString(index)), ciphertext, offset, length, SignedHttp.sha256(ciphertext, offset, length));
    }
    byte[] envelope = KeyEnvelopes.sealTo(inputKey, new HttpIdentities(buyer.http()).lookup(seller.ailockId()));
    return buyer.http().postJson("attachments-upload-complete", Map.of("upload_id", uploadId, "ciphertext_sha256",
        SignedHttp.sha256(ciphertext, 0, ciphertext.length), "key_envelope",
        Base64.getUrlEncoder().withoutPadding().encodeToString(envelope), "recipient_key_id",
        seller.keys().keyId())).path("attachment_id").asString();
  }

  @Test
  void theSellerAloneDecryptsWhatTheBuyerAttached(@TempDir Path dir) throws Exception {
    byte[] logo = new byte[300_000];
    new Random(7).nextBytes(logo);
    String attachment = attachInChunks(logo);

    Path out = Market.commerce(seller).downloadAttachment(attachment, dir.resolve("logo.png"));

    assertThat(out).hasBinaryContent(logo);
    assertThat(Files.getPosixFilePermissions(out)).containsOnly(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    Market.Answer sealed = market.get(seller, "attachments-get", Map.of("attachment_id", attachment));
    assertThat(sealed.body().path("context").asString()).isEqualTo("ailock-e2ee-v1:attachment:" + transferId
        + ":logo");
    assertThat(sealed.body().path("recipient_key_id").asString()).isEqualTo(seller.keys().keyId());
    assertThat(market.get(buyer, "attachments-get", Map.of("attachment_id", attachment)).code())
        .isEqualTo("not_seller");
    assertThat(market.get(market.ailock(), "attachments-download", Map.of("attachment_id", attachment)).code())
        .isEqualTo("attachment_not_found");
    assertThat(market.get(seller, "attachments-get", Map.of("attachment_id", "logo.png")).code())
        .isEqualTo("malformed_request");
    assertThatThrownBy(() -> Market.commerce(seller).downloadAttachment(attachment, out))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> Market.commerce(market.ailock()).downloadAttachment(attachment, dir.resolve("x")))
        .isInstanceOf(DistributionApiException.class).hasMessageContaining("attachment_not_found");
    try (var left = Files.list(dir)) {
      assertThat(left.toList()).as("no temporary file is left behind").containsExactly(out);
    }
  }

  @Test
  void requirementsAreForTheOwnerAndThoseOfferedTheProduct() {
    String productId = Market.commerce(buyer).transfer(transferId).productId();
    TestAilock stranger = market.ailock();
    Market.Answer strangers = market.get(stranger, "products-requirements", Map.of("product_id", productId));
    assertThat(strangers.status()).isEqualTo(404);
    assertThat(strangers.code()).isEqualTo("product_not_found");
    JsonNode owners = market.get(seller, "products-requirements", Map.of("product_id", productId)).body();
    assertThat(owners.path("schemas").path("post_payment_pre_grant").path("properties").path("website")
        .path("format").asString()).isEqualTo("uri");
    assertThat(market.get(buyer, "products-requirements", Map.of("product_id", productId)).status()).isEqualTo(200);
  }
}
