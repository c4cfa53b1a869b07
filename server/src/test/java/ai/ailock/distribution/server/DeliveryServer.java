package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.engine.payment.ConfirmPayment;
import ai.ailock.distribution.engine.retention.EnforceRetention;
import ai.ailock.distribution.schemas.WireJson;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The service configured for Stripe (stubbed) with delivery steps for its tests: paid transfers, grants, tickets,
 * claims and chunk requests over HTTP, with the claim token in its header. Subclasses share one context.
 */
abstract class DeliveryServer extends StripeStubbedServer {
  static final String CLAIM = "Ailock-Claim";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ConfirmPayment confirmPayment;

  @Autowired
  EnforceRetention retention;

  /** A transfer on its way: the parties, its id, its Checkout Session and the input key its envelope seals. */
  record Deal(TestAilock seller, TestAilock buyer, String id, String productId, String session, byte[] inputKey) {}

  /** A seller with a published product and a buyer, before any offer. */
  record Listing(TestAilock seller, TestAilock buyer, String productId) {
    /** @return the offer of the product to the buyer, as {@code products-offer} or a {@code product_offer} payload */
    Map<String, Object> offer() {
      return Map.of("product_id", productId, "recipient", buyer.ailockId());
    }
  }

  Listing listed(tools.jackson.databind.node.ObjectNode policy) {
    TestAilock seller = market.ailock();
    return new Listing(seller, market.ailock(), market.publishedProduct(seller, policy));
  }

  Deal offered(Map<String, Object> policy, boolean depositWithOffer) {
    Listing listing = listed((tools.jackson.databind.node.ObjectNode) WireJson.mapper().valueToTree(policy));
    TestAilock seller = listing.seller();
    TestAilock buyer = listing.buyer();
    String productId = listing.productId();
    byte[] inputKey = new byte[32];
    new java.security.SecureRandom().nextBytes(inputKey);
    Map<String, Object> offer = new HashMap<>(listing.offer());
    if (depositWithOffer) {
      offer.put("key_envelope", envelope(buyer, inputKey));
      offer.put("recipient_key_id", buyer.keys().keyId());
    }
    Market.Answer answer = market.post(seller, "products-offer", offer);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    return new Deal(seller, buyer, answer.body().get("transfer_id").asString(), productId, "", inputKey);
  }

  Deal paid(Map<String, Object> policy, boolean depositWithOffer) {
    Deal deal = offered(policy, depositWithOffer);
    Checkout checkout = Market.commerce(deal.buyer()).invoice(deal.id());
    assertThat(outcome(deliver("evt_paid_" + deal.id(), "checkout.session.completed",
        STRIPE.complete(checkout.sessionId(), "paid")))).isEqualTo("fulfilled");
    return new Deal(deal.seller(), deal.buyer(), deal.id(), deal.productId(), checkout.sessionId(), deal.inputKey());
  }

  static Map<String, Object> policy(int downloads) {
    return Map.of("price", Map.of("amount", 1500, "currency", "usd"), "download_limit", downloads);
  }

  static String envelope(TestAilock buyer, byte[] inputKey) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          KeyEnvelopes.seal(inputKey, buyer.keys().encryption().publicKey()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode grant(Deal deal) {
    Market.Answer answer = market.post(deal.seller(), "products-grant", Map.of("transfer_id", deal.id(),
        "key_envelope", envelope(deal.buyer(), deal.inputKey()), "recipient_key_id", deal.buyer().keys().keyId()));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  JsonNode ticket(Deal deal) {
    Market.Answer answer = market.post(deal.buyer(), "products-ticket", Map.of("transfer_id", deal.id()));
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  Market.Answer claim(TestAilock who, String transferId, String token) {
    return market.post(who, "products-claim", Map.of("transfer_id", transferId), Map.of(CLAIM, token));
  }

  Market.Raw chunk(TestAilock who, String transferId, String token, int index, Map<String, String> headers) {
    var all = new HashMap<>(headers);
    all.put(CLAIM, token);
    return market.getRaw(who, "products-download-chunk", Map.of("transfer_id", transferId, "index",
        Integer.toString(index)), all);
  }

  static String outcome(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WireJson.mapper().readTree(response.body()).path("outcome").asString();
  }

  String state(Deal deal) {
    return Market.commerce(deal.seller()).transfer(deal.id()).state();
  }

  long audited(String transferId, String action) {
    return jdbc.sql("SELECT count(*) FROM dist_audit_log WHERE transfer_id = ?::uuid AND action = ?")
        .params(transferId, action).query(Long.class).single();
  }
}
