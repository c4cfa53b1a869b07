package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
