package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A complete transfer driven through interactions on the embedded Kafka broker (issue 6): the seller's
 * {@code product_offer} on the inbox topic, the service's messages read from the outbound topic as each Ailock would,
 * the payment through Stripe (stubbed API, a correctly signed webhook), and the buyer's {@code delivery_receipt} on
 * the inbox topic. The steps without an interaction type go over HTTP as in every flow: the buyer's invoice, the
 * seller's grant, the buyer's ticket, claim and download (end-to-end encrypted with the SDK, decrypted and verified).
 */
class KafkaTransferFlowIT extends KafkaDeliveryServer {
  @TempDir
  Path dir;

  @Test
  void offerPayGrantDownloadAndReceiptThroughTheInboxAndOutboundTopics() throws Exception {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    Path file = dir.resolve("recordings.zip");
    byte[] plaintext = new byte[300_000];
    new Random(6).nextBytes(plaintext);
    Files.write(file, plaintext);
    var keyring = new ProductKeyring(dir.resolve("seller-keys"), seller.keys());
    UploadResult upload = new Uploader(new HttpUploadService(seller.http()), seller.keys(), keyring,
        TransferOptions.defaults().withChunkSize(Market.CHUNK)).upload(file, new ProductDraft("Field recordings",
        "application/zip", WireJson.mapper().readTree("{\"price\": {\"amount\": 2500, \"currency\": \"usd\"}}")),
        dir.resolve("upload-state.json"), TransferListener.NONE);
    String productId = upload.productId();

    JsonNode offered = send(seller, "offer-" + productId, "product_offer", Map.of("product_id", productId,
        "recipient", buyer.ailockId()));
    assertThat(offered.path("accepted").asBoolean()).as(offered.toString()).isTrue();
    assertThat(offered.path("state").asString()).isEqualTo("offered");
    String id = offered.path("transfer_id").asString();
    assertThat(awaitOutbound(id, "product_offer", buyer).path("payload").path("product_id").asString())
        .isEqualTo(productId);

    Checkout checkout = Market.commerce(buyer).invoice(id);
    JsonNode paymentRequest = awaitOutbound(id, "payment_request", buyer);
    assertThat(paymentRequest.path("payload").path("checkout_url").asString()).isEqualTo(checkout.checkoutUrl());
    assertThat(paymentRequest.path("payload").path("amount").asLong()).isEqualTo(2500);

    assertThat(outcome(deliver("evt_kafka_" + id, "checkout.session.completed",
        STRIPE.complete(checkout.sessionId(), "paid")))).isEqualTo("fulfilled");
    awaitOutbound(id, "payment_confirmed", buyer);
    awaitOutbound(id, "payment_confirmed", seller);

    byte[] inputKey = keyring.inputKey(productId, 1).orElseThrow();
    assertThat(new Delivery(seller.http(), clock).grant(id, inputKey).state()).isEqualTo("delivered");
    JsonNode delivery = awaitOutbound(id, "product_delivery", buyer);
    assertThat(delivery.path("payload").path("transfer_id").asString()).isEqualTo(id);

    Delivery receiving = new Delivery(buyer.http(), clock);
    Ticket ticket = receiving.ticket(id);
    DownloadResult result = receiving.download(ticket, dir.resolve("received"), false, TransferOptions.defaults(),
        TransferListener.NONE);
    assertThat(result.file()).hasFileName("recordings.zip").hasBinaryContent(plaintext);
    DeliveryReceipt receipt = DeliveryReceipt.sign(id, result.manifestSha256(), result.clientHash(), clock.instant(),
        buyer.keys());

    JsonNode acknowledged = send(buyer, "receipt-" + id, "delivery_receipt", Map.of("transfer_id", id,
        "receipt", receipt.toJson()));
    assertThat(acknowledged.path("accepted").asBoolean()).as(acknowledged.toString()).isTrue();
    assertThat(acknowledged.path("state").asString()).isEqualTo("acknowledged");
    assertThat(awaitOutbound(id, "delivery_receipt", seller).path("payload").path("state").asString())
        .isEqualTo("acknowledged");
    assertThat(state(new Deal(seller, buyer, id, productId, checkout.sessionId(), inputKey)))
        .isEqualTo("acknowledged");

    List<ConsumerRecord<String, String>> messages = outbound(id);
    assertThat(messages).extracting(ConsumerRecord::partition).containsOnly(messages.get(0).partition());
    assertThat(types(forRecipient(messages, buyer))).containsExactly("product_offer", "payment_request",
        "payment_confirmed", "product_delivery");
    assertThat(types(forRecipient(messages, seller))).containsExactly("payment_confirmed", "delivery_receipt");
    assertThat(messages).allSatisfy(m -> assertThat(m.value()).doesNotContain(ticket.claimToken()));
  }

  private static List<ConsumerRecord<String, String>> forRecipient(List<ConsumerRecord<String, String>> records,
      TestAilock recipient) {
    return records.stream()
        .filter(r -> recipient.ailockId().equals(KafkaTopic.header(r, "ailock-recipient").orElse(""))).toList();
  }
}
