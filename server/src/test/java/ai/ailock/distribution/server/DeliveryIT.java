package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.payment.PaymentEvent;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.schemas.WireJson;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Delivery over HTTP on the real components (issue 5): grant, tickets, one-time claims, download sessions and
 * receipts, with the refusals on the way. How access ends is {@link AccessEndingIT}; the SDK's end-to-end flow with
 * real encryption is {@code integration-tests/DeliveryFlowIT}.
 */
class DeliveryIT extends DeliveryServer {

  @Test
  void grantClaimDownloadAndSignedReceiptEndInAcknowledged() throws Exception {
    Deal deal = paid(policy(1), false);
    JsonNode ticket = grant(deal);
    assertThat(ticket.get("state").asString()).isEqualTo("delivered");
    assertThat(KeyEnvelopes.open(Base64.getUrlDecoder().decode(ticket.get("key_envelope").asString()),
        deal.buyer().keys().encryption())).isEqualTo(deal.inputKey());
    String token = ticket.get("claim_token").asString();
    assertThat(jdbc.sql("SELECT count(*) FROM dist_claims WHERE token_sha256 = ?")
        .param(TestCiphertext.hex(token.getBytes())).query(Long.class).single()).isEqualTo(1);

    Market.Answer opened = claim(deal.buyer(), deal.id(), token);
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
    Market.Raw manifest = market.getRaw(deal.buyer(), "products-download-manifest", Map.of("transfer_id", deal.id()),
        Map.of(CLAIM, token));
    assertThat(manifest.status()).isEqualTo(200);
    String manifestSha256 = manifest.headers().firstValue("X-Manifest-SHA256").orElseThrow();
    assertThat(manifestSha256).isEqualTo(ticket.get("manifest_sha256").asString());
    int chunks = opened.body().get("chunk_count").asInt();
    for (int i = 0; i < chunks; i++) {
      Market.Raw chunk = chunk(deal.buyer(), deal.id(), token, i, Map.of());
      assertThat(chunk.status()).isEqualTo(200);
      assertThat(TestCiphertext.hex(chunk.body())).isEqualTo(chunk.headers().firstValue("X-Content-SHA256").orElseThrow());
    }

    DeliveryReceipt receipt = DeliveryReceipt.sign(deal.id(), manifestSha256, "ab".repeat(32), clock.instant(),
        deal.buyer().keys());
    Market.Answer ack = market.post(deal.buyer(), "products-ack", Map.of("transfer_id", deal.id(),
        "receipt", receipt.toJson()));
    assertThat(ack.status()).as(ack.body().toString()).isEqualTo(200);
    assertThat(ack.body().get("state").asString()).isEqualTo("acknowledged");
    assertThat(jdbc.sql("SELECT completed_by FROM dist_download_sessions WHERE transfer_id = ?::uuid")
        .param(deal.id()).query(String.class).single()).isEqualTo("chunks");
    assertThat(jdbc.sql("SELECT action FROM dist_audit_log WHERE transfer_id = ?::uuid ORDER BY id").param(deal.id())
        .query(String.class).list()).containsSubsequence("transfer.paid", "delivery.key_deposited",
        "transfer.delivered", "delivery.claim_issued", "transfer.download_opened", "delivery.download_opened",
        "delivery.manifest_served", "delivery.chunk_served", "delivery.download_completed", "transfer.acknowledged");
  }

  @Test
  void nothingIsGrantedOrClaimedBeforePayment() {
    Deal deal = offered(policy(1), true);
    Market.Answer grant = market.post(deal.seller(), "products-grant", Map.of("transfer_id", deal.id()));
    Market.Answer ticket = market.post(deal.buyer(), "products-ticket", Map.of("transfer_id", deal.id()));
    assertThat(grant.status()).isEqualTo(409);
    assertThat(grant.code()).isEqualTo("not_paid");
    assertThat(ticket.code()).isEqualTo("not_paid");
    assertThat(jdbc.sql("SELECT count(*) FROM dist_claims WHERE transfer_id = ?::uuid").param(deal.id())
        .query(Long.class).single()).isZero();
  }

  @Test
  void anEnvelopeDepositedWithTheOfferIsDeliveredByThePaymentWebhook() {
    Deal deal = paid(policy(1), true);
    assertThat(state(deal)).isEqualTo("delivered");
    JsonNode ticket = ticket(deal);
    assertThat(claim(deal.buyer(), deal.id(), ticket.get("claim_token").asString()).status()).isEqualTo(200);
    assertThat(audited(deal.id(), "transfer.delivered")).isEqualTo(1);
  }

  @Test
  void aCrashBetweenPaymentAndGrantIsRecoveredByTheTicketRequestWithOneStateChange() {
    Deal deal = offered(policy(1), true);
    Checkout checkout = Market.commerce(deal.buyer()).invoice(deal.id());
    STRIPE.complete(checkout.sessionId(), "paid");
    // the payment commits, and the process dies before the automatic grant runs
    confirmPayment.confirm(new PaymentEvent("evt_crash_" + deal.id(), "checkout.session.completed",
        PaymentEvent.Kind.PAID, checkout.sessionId(), deal.id(), 1500, "usd"), RequestMeta.internal("crash"));
    assertThat(state(deal)).isEqualTo("paid");

    JsonNode first = ticket(deal);
    JsonNode second = ticket(deal);

    assertThat(first.get("state").asString()).isEqualTo("delivered");
    assertThat(second.get("claim_token").asString()).isNotEqualTo(first.get("claim_token").asString());
    assertThat(audited(deal.id(), "transfer.delivered")).isEqualTo(1);
    // the webhook retried by Stripe changes nothing more
    assertThat(outcome(deliver("evt_crash_" + deal.id(), "checkout.session.completed",
        STRIPE.session(checkout.sessionId())))).isEqualTo("duplicate_event");
    assertThat(audited(deal.id(), "transfer.delivered")).isEqualTo(1);
  }

  @Test
  void grantWaitsForPostPaymentInputs() {
    Deal deal = offered(Map.of("price", Map.of("amount", 1500, "currency", "usd"), "required_inputs", List.of(
        Map.of("id", "website", "label", "Website", "type", "url", "timing", "post_payment_pre_grant",
            "required", true))), false);
    Checkout checkout = Market.commerce(deal.buyer()).invoice(deal.id());
    deliver("evt_pending_" + deal.id(), "checkout.session.completed", STRIPE.complete(checkout.sessionId(), "paid"));

    Market.Answer refused = market.post(deal.seller(), "products-grant", Map.of("transfer_id", deal.id(),
        "key_envelope", envelope(deal.buyer(), deal.inputKey()), "recipient_key_id", deal.buyer().keys().keyId()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("missing_inputs");
    assertThat(refused.body().path("missing_inputs")).extracting(JsonNode::asString).containsExactly("website");
  }

  @Test
  void aClaimIsOneTimeEvenWhenFiftyRequestsRaceForIt() throws Exception {
    Deal deal = paid(policy(5), false);
    String token = grant(deal).get("claim_token").asString();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Integer> statuses = new ArrayList<>();
    try {
      List<Callable<Integer>> racers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        racers.add(() -> claim(deal.buyer(), deal.id(), token).status());
      }
      for (Future<Integer> f : pool.invokeAll(racers)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
    assertThat(jdbc.sql("SELECT count(*) FROM dist_download_sessions WHERE transfer_id = ?::uuid").param(deal.id())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aTokenAloneOrInTheWrongHandsFetchesNothing() {
    Deal deal = paid(policy(2), false);
    String token = grant(deal).get("claim_token").asString();
    assertThat(claim(deal.buyer(), deal.id(), token).status()).isEqualTo(200);
    TestAilock stranger = market.ailock();

    Market.Answer strangerClaim = claim(stranger, deal.id(), ticket(deal).get("claim_token").asString());
    assertThat(strangerClaim.status()).isEqualTo(403);
    assertThat(strangerClaim.code()).isEqualTo("wrong_recipient");
    assertThat(chunk(stranger, deal.id(), token, 0, Map.of()).code()).isEqualTo("wrong_recipient");
    assertThat(chunk(deal.seller(), deal.id(), token, 0, Map.of()).code()).isEqualTo("wrong_recipient");

    // no proof of possession: the token without a signed request
    HttpRequest unsigned = HttpRequest.newBuilder(java.net.URI.create(market.functions()
        + "/products-download-chunk?transfer_id=" + deal.id() + "&index=0")).header(CLAIM, token).GET().build();
    Market.Raw anonymous = Market.sendRaw(unsigned);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo("unauthenticated");

    // a replayed proof: the buyer's signed request captured and sent again
    var signed = deal.buyer().http().sign("GET", "products-download-chunk", Map.of("transfer_id", deal.id(),
        "index", "0"), ai.ailock.distribution.schemas.RequestSigning.EMPTY_SHA256);
    HttpRequest.Builder builder = HttpRequest.newBuilder(signed.uri()).header(CLAIM, token).GET();
    signed.headers().forEach(builder::header);
    HttpRequest captured = builder.build();
    assertThat(Market.sendRaw(captured).status()).isEqualTo(200);
    Market.Raw replayed = Market.sendRaw(captured);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.code()).isEqualTo("replayed_request");

    assertThat(market.getRaw(deal.buyer(), "products-download-chunk", Map.of("transfer_id", deal.id(), "index", "0"),
        Map.of()).code()).as("no token at all").isEqualTo("claim_invalid");
  }

  @Test
  void forgedAndTamperedTokensAreRefusedWithoutSayingWhy() {
    Deal deal = paid(policy(2), false);
    String token = grant(deal).get("claim_token").asString();
    String[] parts = token.split("\\.");
    var b64 = Base64.getUrlEncoder().withoutPadding();
    var header = (tools.jackson.databind.node.ObjectNode) WireJson.mapper().readTree(Base64.getUrlDecoder()
        .decode(parts[0]));
    String none = b64.encodeToString(header.put("alg", "none").toString().getBytes()) + "." + parts[1] + ".";
    var payload = (tools.jackson.databind.node.ObjectNode) WireJson.mapper().readTree(Base64.getUrlDecoder()
        .decode(parts[1]));
    String tampered = parts[0] + "." + b64.encodeToString(payload.put("exp", 4_000_000_000L).toString().getBytes())
        + "." + parts[2];

    for (String forged : List.of(none, tampered, token.substring(0, token.length() - 2))) {
      Market.Answer refused = claim(deal.buyer(), deal.id(), forged);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.code()).isEqualTo("claim_invalid");
      assertThat(refused.body().get("detail").asString()).isEqualTo("the claim token is not valid for this request");
    }
    assertThat(claim(deal.buyer(), deal.id(), token).status()).as("the real one still works").isEqualTo(200);
  }

  @Test
  void anExpiredClaimIsRefusedButAnOpenSessionOutlivesItsToken() {
    Deal deal = paid(policy(2), false);
    String redeemed = grant(deal).get("claim_token").asString();
    assertThat(claim(deal.buyer(), deal.id(), redeemed).status()).isEqualTo(200);
    String unused = ticket(deal).get("claim_token").asString();
    ((MutableClock) clock).advance(Duration.ofMinutes(11));

    Market.Answer expired = claim(deal.buyer(), deal.id(), unused);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.code()).isEqualTo("claim_expired");
    assertThat(chunk(deal.buyer(), deal.id(), redeemed, 0, Map.of()).status()).isEqualTo(200);

    ((MutableClock) clock).advance(Duration.ofHours(6));
    assertThat(chunk(deal.buyer(), deal.id(), redeemed, 0, Map.of()).code()).isEqualTo("session_expired");
  }

  @Test
  void resumedAndRangedChunksCountOnceAndTheLimitHolds() {
    Deal deal = paid(policy(2), false);
    String first = grant(deal).get("claim_token").asString();
    Market.Answer session = claim(deal.buyer(), deal.id(), first);
    int chunks = session.body().get("chunk_count").asInt();
    Market.Raw part = chunk(deal.buyer(), deal.id(), first, 0, Map.of("Range", "bytes=0-99"));
    assertThat(part.status()).isEqualTo(206);
    assertThat(chunk(deal.buyer(), deal.id(), first, 0, Map.of("Range", "bytes=100-")).status()).isEqualTo(206);
    for (int i = 0; i < chunks; i++) {
      assertThat(chunk(deal.buyer(), deal.id(), first, i, Map.of()).status()).isEqualTo(200);
      assertThat(chunk(deal.buyer(), deal.id(), first, i, Map.of()).status()).as("retried").isEqualTo(200);
    }

    JsonNode second = ticket(deal);
    assertThat(second.get("downloads_completed").asInt()).isEqualTo(1);
    String token = second.get("claim_token").asString();
    assertThat(claim(deal.buyer(), deal.id(), token).status()).isEqualTo(200);
    for (int i = 0; i < chunks; i++) {
      chunk(deal.buyer(), deal.id(), token, i, Map.of());
    }

    Market.Answer third = claim(deal.buyer(), deal.id(), ticket(deal).get("claim_token").asString());
    assertThat(third.status()).isEqualTo(403);
    assertThat(third.code()).isEqualTo("download_limit_reached");
    assertThat(jdbc.sql("SELECT count(*) FROM dist_download_sessions WHERE transfer_id = ?::uuid "
        + "AND completed_at IS NOT NULL").param(deal.id()).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void forgedOrReplayedReceiptsAreRefused() {
    Deal deal = paid(policy(1), false);
    JsonNode ticket = grant(deal);
    claim(deal.buyer(), deal.id(), ticket.get("claim_token").asString());
    String manifest = ticket.get("manifest_sha256").asString();

    DeliveryReceipt honest = DeliveryReceipt.sign(deal.id(), manifest, "ab".repeat(32), clock.instant(),
        deal.buyer().keys());
    var tampered = honest.toJson().put("client_hash", "cd".repeat(32));
    DeliveryReceipt otherKey = DeliveryReceipt.sign(deal.id(), manifest, "ab".repeat(32), clock.instant(),
        ai.ailock.distribution.client.AilockKeys.generate());
    Deal elsewhere = paid(policy(1), false);
    DeliveryReceipt forOther = DeliveryReceipt.sign(elsewhere.id(), manifest, "ab".repeat(32), clock.instant(),
        deal.buyer().keys());
    DeliveryReceipt stale = DeliveryReceipt.sign(deal.id(), manifest, "ab".repeat(32),
        clock.instant().minus(Duration.ofDays(1)), deal.buyer().keys());

    assertThat(ack(deal, tampered).code()).isEqualTo("receipt_invalid");
    assertThat(ack(deal, otherKey.toJson()).code()).isEqualTo("receipt_invalid");
    assertThat(ack(deal, forOther.toJson()).code()).isEqualTo("receipt_mismatch");
    assertThat(ack(deal, stale.toJson()).code()).isEqualTo("receipt_invalid");
    assertThat(state(deal)).isEqualTo("delivered");

    assertThat(ack(deal, honest.toJson()).status()).isEqualTo(200);
    assertThat(ack(deal, honest.toJson()).status()).as("the same receipt again").isEqualTo(200);
    DeliveryReceipt another = DeliveryReceipt.sign(deal.id(), manifest, "ef".repeat(32), clock.instant(),
        deal.buyer().keys());
    assertThat(ack(deal, another.toJson()).code()).isEqualTo("already_acknowledged");
    assertThat(audited(deal.id(), "transfer.acknowledged")).isEqualTo(1);
  }

  Market.Answer ack(Deal deal, JsonNode receipt) {
    return market.post(deal.buyer(), "products-ack", Map.of("transfer_id", deal.id(), "receipt", receipt));
  }
}
