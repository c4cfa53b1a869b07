package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.Requirements;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.server.stripe.StripeApiStub;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Offer → inputs → invoice (stripe-java against the Stripe API stub) → signed webhook → post-payment inputs → paid,
 * over HTTP on the real components; and the refusals on the way.
 */
class TransferFlowIT extends StripeStubbedServer {
  @Autowired
  JdbcClient jdbc;

  static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(DistributionApiException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.status()).isEqualTo(status);
    });
  }

  @Test
  void offerInputsInvoiceWebhookAndPostPaymentInputsEndInPaid() throws Exception {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    Commerce buying = Market.commerce(buyer);
    TransferInfo offered = market.offer(seller, buyer, Market.policyWithInputs());
    String id = offered.transferId();
    assertThat(offered.state()).isEqualTo("offered");
    assertThat(offered.missingPrePayment()).containsExactly("company");

    Requirements requirements = buying.requirementsOfTransfer(id);
    assertThat(requirements.inputs()).extracting(i -> i.id() + ":" + i.timing()).containsExactly(
        "company:pre_payment", "brief:pre_payment", "website:post_payment_pre_grant", "logo:post_payment_pre_grant");
    assertThat(requirements.json().path("schemas").path("pre_payment").path("required"))
        .extracting(JsonNode::asString).containsExactly("company");
    assertThat(buying.requirementsOfProduct(offered.productId()).inputs()).hasSize(4);

    // Invoice before the pre-payment inputs: 422 missing_inputs naming them.
    Market.Answer missing = market.post(buyer, "products-invoice", Map.of("transfer_id", id));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.code()).isEqualTo("missing_inputs");
    assertThat(missing.body().path("missing_inputs")).extracting(JsonNode::asString).containsExactly("company");
    assertThat(STRIPE.requests()).noneMatch(r -> id.equals(r.form().get("client_reference_id")));

    // Values that break a constraint: 422 with the pointer of each.
    Market.Answer invalid = market.post(buyer, "transfers-requirements-submit", Map.of("transfer_id", id,
        "inputs", Map.of("company", "A company name far longer than forty characters", "shoe_size", "44")));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body().path("violations")).extracting(v -> v.path("pointer").asString())
        .contains("/inputs/company", "/inputs/shoe_size");

    TransferInfo withCompany = buying.submit(id, Map.of("company", "ACME", "brief", "Two lines\nof brief"));
    assertThat(withCompany.missingPrePayment()).isEmpty();
    assertThat(withCompany.buyerInputs()).containsEntry("company", "ACME");

    Checkout checkout = buying.invoice(id);
    assertThat(checkout.state()).isEqualTo("invoiced");
    assertThat(checkout.checkoutUrl()).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
    assertThat(checkout.amount()).isEqualTo(1500);
    StripeApiStub.Recorded created = STRIPE.requests().stream()
        .filter(r -> id.equals(r.form().get("client_reference_id"))).findFirst().orElseThrow();
    assertThat(created.idempotencyKey()).isEqualTo("ailock-transfer-" + id + "-attempt-1");
    assertThat(created.authorization()).isEqualTo("Bearer sk_test_stub");
    assertThat(created.form()).containsEntry("metadata[transfer_id]", id)
        .containsEntry("payment_intent_data[metadata][transfer_id]", id)
        .containsEntry("line_items[0][price_data][unit_amount]", "1500")
        .containsEntry("line_items[0][price_data][currency]", "usd").containsEntry("mode", "payment");
    assertThat(buying.invoice(id).sessionId()).as("the open session is returned again").isEqualTo(checkout.sessionId());

    // The buyer pays; Stripe's signed webhook fulfils.
    var webhook = deliver("evt_paid_" + id, "checkout.session.completed", STRIPE.complete(checkout.sessionId(), "paid"));
    assertThat(webhook.statusCode()).isEqualTo(200);
    assertThat(webhook.body()).contains("fulfilled");
    TransferInfo pending = buying.transfer(id);
    assertThat(pending.state()).isEqualTo("paid_pending_inputs");
    assertThat(pending.paymentStatus()).isEqualTo("paid");
    assertThat(pending.missingPostPayment()).containsExactly("website", "logo");
    refused(() -> buying.submit(id, Map.of("company", "Other")), 409, "inputs_locked");

    Market.Answer badUrl = market.post(buyer, "transfers-requirements-submit", Map.of("transfer_id", id,
        "inputs", Map.of("website", "https://user:secret@acme.example/")));
    assertThat(badUrl.body().path("violations")).extracting(v -> v.path("pointer").asString())
        .containsOnly("/inputs/website");

    byte[] logo = "\u0089PNG fake logo bytes".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String attachmentId = buying.uploadAttachment(id, "logo", logo, "image/png");
    Map<String, Object> stored = jdbc.sql("SELECT * FROM dist_transfer_attachments WHERE id = ?::uuid")
        .param(attachmentId).query().singleRow();
    assertThat(stored.get("recipient_key_id")).isEqualTo(seller.keys().keyId());
    assertThat(stored.get("size")).isEqualTo((long) logo.length);

    TransferInfo paid = buying.submit(id, Map.of("website", "https://acme.example/about", "logo", attachmentId));
    assertThat(paid.state()).isEqualTo("paid");
    assertThat(paid.missingPostPayment()).isEmpty();
    assertThat(Market.commerce(seller).transfer(id).buyerInputs()).containsEntry("logo", attachmentId)
        .containsEntry("website", "https://acme.example/about");
    assertThat(jdbc.sql("SELECT action FROM dist_audit_log WHERE transfer_id = ?::uuid ORDER BY id").param(id)
        .query(String.class).list()).containsSubsequence("transfer.offered", "transfer.inputs_submitted",
        "transfer.invoiced", "payment.checkout_created", "transfer.paid_pending_inputs", "attachment.completed",
        "transfer.inputs_completed");
  }

  @Test
  void aTransferWithoutInputsIsPaidByTheWebhook() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    TransferInfo offered = market.offer(seller, buyer, Market.pricedPolicy(990, "eur"));
    Checkout checkout = Market.commerce(buyer).invoice(offered.transferId());
    assertThat(checkout.currency()).isEqualTo("eur");

    deliver("evt_plain_" + offered.transferId(), "checkout.session.completed",
        STRIPE.complete(checkout.sessionId(), "paid"));

    TransferInfo seen = Market.commerce(seller).transfer(offered.transferId());
    assertThat(seen.state()).isEqualTo("paid");
    assertThat(seen.paymentStatus()).isEqualTo("paid");
  }

  @Test
  void offerOverridesPriceAndLimitsWithinTheProductsBounds() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    String product = market.publishedProduct(seller, Market.pricedPolicy(500, "usd"));
    TransferInfo offered = Market.commerce(seller).offer(product, buyer.ailockId(),
        new Commerce.Terms(2500L, "gbp", 3, 2));
    assertThat(offered.amount()).isEqualTo(2500);
    assertThat(offered.json().path("policy").path("download_limit").asInt()).isEqualTo(3);
    assertThat(offered.json().path("policy").path("retention_days").asInt()).isEqualTo(2);
  }

  @Test
  void refusesAnOfferToAnUnknownAilockOrToOneself() {
    TestAilock seller = market.ailock();
    String product = market.publishedProduct(seller, Market.pricedPolicy(500, "usd"));
    refused(() -> Market.commerce(seller).offer(product, "0123456789abcdef0123456789abcdef",
        Commerce.Terms.productDefaults()), 404, "ailock_not_found");
    refused(() -> Market.commerce(seller).offer(product, seller.ailockId(), Commerce.Terms.productDefaults()), 422,
        "offer_to_self");
  }

  @Test
  void refusesAnOfferOfAProductWithoutPrice() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    String product = market.publishedProduct(seller, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    refused(() -> Market.commerce(seller).offer(product, buyer.ailockId(), Commerce.Terms.productDefaults()), 422,
        "price_required");
  }

  @Test
  void onlyTheRecipientMayInvoiceAndOnlyTheTwoPartiesMaySeeTheTransfer() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    TestAilock stranger = market.ailock();
    String id = market.offer(seller, buyer, Market.pricedPolicy(700, "usd")).transferId();

    refused(() -> Market.commerce(seller).invoice(id), 403, "not_recipient");
    refused(() -> Market.commerce(stranger).invoice(id), 404, "transfer_not_found");
    refused(() -> Market.commerce(stranger).transfer(id), 404, "transfer_not_found");
    refused(() -> Market.commerce(stranger).requirementsOfTransfer(id), 404, "transfer_not_found");
    refused(() -> Market.commerce(seller).submit(id, Map.of("company", "x")), 403, "not_recipient");
    assertThat(Market.commerce(seller).transfer(id).state()).isEqualTo("offered");
  }
}
