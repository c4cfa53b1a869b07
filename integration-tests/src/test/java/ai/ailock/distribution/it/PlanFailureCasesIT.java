package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The failure cases of the plan's testing strategy (§12), one test each, through the SDK against the service on
 * its real components (embedded PostgreSQL, filesystem blobs, the local Stripe emulator posting signed webhooks):
 * unpaid, missing required inputs, wrong recipient, and retries and duplicates. Expired links need a clock that moves:
 * they are {@code server/DeliveryIT.anExpiredClaimIsRefused…} and {@code server/AccessEndingIT}. Corrupted hashes are
 * {@link DeliveryFlowIT#aCorruptedChunkIsDetectedAndNoFileAppears()} (download) and {@code server/UploadFunctionsIT}
 * (upload); a webhook delivered twice or twenty times at once is {@code server/StripeWebhookIT}.
 */
class PlanFailureCasesIT extends SdkServerSupport {
  @TempDir Path dir;

  static final String INPUTS = """
      {"price": {"amount": 1900, "currency": "usd"}, "download_limit": 1, "required_inputs": [
        {"id": "company", "label": "Company", "type": "text", "timing": "pre_payment", "required": true},
        {"id": "domain", "label": "Domain", "type": "text", "timing": "post_payment_pre_grant", "required": true}]}
      """;

  @Autowired JdbcClient jdbc;

  record Sale(Published product, SignedHttp buyer, String id, byte[] inputKey) {}

  Sale offered(String policy) throws Exception {
    Published product = published(dir, policy, 200_000, 64 * 1024);
    SignedHttp buyer = registeredAilock();
    String id = new Commerce(product.seller()).offer(product.upload().productId(), buyerId(buyer),
        Commerce.Terms.productDefaults()).transferId();
    return new Sale(product, buyer, id, product.keyring().inputKey(product.upload().productId(), 1).orElseThrow());
  }

  @Test
  void unpaidNothingIsGrantedTicketedOrClaimed() throws Exception {
    Sale sale = offered("{\"price\": {\"amount\": 500, \"currency\": \"usd\"}}");

    refused(() -> new Delivery(sale.product().seller()).grant(sale.id(), sale.inputKey()), "not_paid");
    refused(() -> new Delivery(sale.buyer()).ticket(sale.id()), "not_paid");
    new Commerce(sale.buyer()).invoice(sale.id());
    refused(() -> new Delivery(sale.buyer()).ticket(sale.id()), "not_paid");
    assertThat(new Commerce(sale.buyer()).transfer(sale.id()).state()).isEqualTo("invoiced");
    assertThat(count("SELECT count(*) FROM dist_claims WHERE transfer_id = ?::uuid", sale.id())).isZero();
  }

  @Test
  void missingRequiredInputsBlockTheInvoiceAndThenTheGrant() throws Exception {
    Sale sale = offered(INPUTS);
    Commerce buying = new Commerce(sale.buyer());

    DistributionApiException beforePayment = refused(() -> buying.invoice(sale.id()), "missing_inputs");
    assertThat(beforePayment.getMessage()).contains("company");
    buying.submit(sale.id(), Map.of("company", "ACME"));
    pay(sale.buyer(), sale.id());
    assertThat(buying.transfer(sale.id()).state()).isEqualTo("paid_pending_inputs");
    DistributionApiException beforeGrant = refused(() -> new Delivery(sale.product().seller()).grant(sale.id(),
        sale.inputKey()), "missing_inputs");
    assertThat(beforeGrant.getMessage()).contains("domain");
    refused(() -> buying.submit(sale.id(), Map.of("domain", "")), "validation_failed");

    buying.submit(sale.id(), Map.of("domain", "acme.example"));
    assertThat(new Delivery(sale.product().seller()).grant(sale.id(), sale.inputKey()).state()).isEqualTo("delivered");
  }

  @Test
  void aWrongRecipientGetsNeitherTicketNorDownload() throws Exception {
    Sale sale = paidAndGranted();
    SignedHttp stranger = registeredAilock();
    buyerId(stranger);
    Ticket ticket = new Delivery(sale.buyer()).ticket(sale.id());

    refused(() -> new Delivery(stranger).ticket(sale.id()), "transfer_not_found"); // as if it did not exist
    refused(() -> new Delivery(stranger).claim(ticket), "wrong_recipient");
    refused(() -> new Delivery(sale.product().seller()).claim(ticket), "wrong_recipient");

    DownloadResult result = new Delivery(sale.buyer()).download(ticket, dir.resolve("in"), false,
        TransferOptions.defaults(), TransferListener.NONE);
    assertThat(result.file()).hasSameBinaryContentAs(sale.product().file());
  }

  @Test
  void retriesAndDuplicatesHaveOneEffect() throws Exception {
    Sale sale = offered("{\"price\": {\"amount\": 800, \"currency\": \"usd\"}, \"download_limit\": 1}");
    Commerce buying = new Commerce(sale.buyer());
    Checkout checkout = buying.invoice(sale.id());
    assertThat(buying.invoice(sale.id()).sessionId()).as("the invoice is idempotent").isEqualTo(checkout.sessionId());
    JsonNode paid = buying.payWithEmulator(checkout.checkoutUrl(), "paid");
    assertThat(paid.path("webhook_status").asInt()).isEqualTo(200);
    refused(() -> buying.payWithEmulator(checkout.checkoutUrl(), "paid"), "illegal_transition");

    Delivery selling = new Delivery(sale.product().seller());
    Ticket granted = selling.grant(sale.id(), sale.inputKey());
    refused(() -> selling.grant(sale.id(), sale.inputKey()), "key_already_granted"); // a new envelope: refused
    assertThat(new Delivery(sale.buyer()).ticket(sale.id()).keyEnvelope()).as("the first envelope stays")
        .isEqualTo(granted.keyEnvelope());
    DownloadResult result = new Delivery(sale.buyer()).download(granted, dir.resolve("in"), false,
        TransferOptions.defaults(), TransferListener.NONE);
    Delivery receiving = new Delivery(sale.buyer());
    var receipt = ai.ailock.distribution.client.receipt.DeliveryReceipt.sign(sale.id(), result.manifestSha256(),
        result.clientHash(), java.time.Instant.now(), sale.buyer().keys());
    assertThat(receiving.acknowledge(receipt).state()).isEqualTo("acknowledged");
    assertThat(receiving.acknowledge(receipt).state()).as("the same receipt again").isEqualTo("acknowledged");

    assertThat(count("SELECT count(*) FROM dist_audit_log WHERE transfer_id = ?::uuid AND action = 'transfer.paid'",
        sale.id())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM dist_audit_log WHERE transfer_id = ?::uuid"
        + " AND action = 'transfer.acknowledged'", sale.id())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM dist_outbox WHERE aggregate_key = ? AND type = 'payment_confirmed'",
        sale.id())).as("one message to the seller and one to the buyer").isEqualTo(2);
  }

  private Sale paidAndGranted() throws Exception {
    Sale sale = offered("{\"price\": {\"amount\": 700, \"currency\": \"usd\"}, \"download_limit\": 2}");
    pay(sale.buyer(), sale.id());
    new Delivery(sale.product().seller()).grant(sale.id(), sale.inputKey());
    return sale;
  }

  private long count(String sql, String transferId) {
    return jdbc.sql(sql).param(transferId).query(Long.class).single();
  }

  private static DistributionApiException refused(ThrowingCallable call, String code) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(DistributionApiException.class);
    DistributionApiException refusal = (DistributionApiException) thrown;
    assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
    return refusal;
  }
}
