package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.http.DistributionApiException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The single-node default: no Stripe key, the local checkout emulator creates sessions and posts signed events. */
@ServerIntegrationTest
class CheckoutEmulatorIT {
  @LocalServerPort
  int port;

  @Autowired
  Clock clock;

  Market market;
  TestAilock buyer;
  String transferId;

  @BeforeEach
  void invoiceable() {
    market = new Market(port, clock);
    TestAilock seller = market.ailock();
    buyer = market.ailock();
    transferId = market.offer(seller, buyer, Market.pricedPolicy(1200, "usd")).transferId();
  }

  @Test
  void paysThroughTheEmulatorsSignedWebhook() throws Exception {
    Commerce commerce = Market.commerce(buyer);
    Checkout checkout = commerce.invoice(transferId);
    assertThat(checkout.checkoutUrl())
        .startsWith("http://127.0.0.1:" + port + "/.netlify/functions/checkout-emulator/pay?session=cs_emu_");
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(checkout.checkoutUrl())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("12.00 USD").contains("Pay");

    JsonNode paid = commerce.payWithEmulator(checkout.checkoutUrl(), "paid");

    assertThat(paid.path("event_type").asString()).isEqualTo("checkout.session.completed");
    assertThat(paid.path("webhook_status").asInt()).isEqualTo(200);
    assertThat(commerce.transfer(transferId).state()).isEqualTo("paid");
    assertThatThrownBy(() -> commerce.payWithEmulator(checkout.checkoutUrl(), "paid"))
        .isInstanceOfSatisfying(DistributionApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void anAsyncPaymentThatFailsAtTheEmulatorLeavesTheTransferInvoiced() {
    Commerce commerce = Market.commerce(buyer);
    Checkout checkout = commerce.invoice(transferId);

    commerce.payWithEmulator(checkout.checkoutUrl(), "pending");
    commerce.payWithEmulator(checkout.checkoutUrl(), "fail");

    assertThat(commerce.transfer(transferId).paymentStatus()).isEqualTo("failed");
    Checkout again = commerce.invoice(transferId);
    assertThat(again.attempt()).isEqualTo(2);
    commerce.payWithEmulator(again.checkoutUrl(), "paid");
    assertThat(commerce.transfer(transferId).state()).isEqualTo("paid");
  }
}
