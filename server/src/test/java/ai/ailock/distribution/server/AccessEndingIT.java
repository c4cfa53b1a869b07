package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.retention.EnforceRetention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How a transfer's access ends, over HTTP on the real components (issue 5): revocation, refunds, disputes with their
 * evidence, and retention.
 */
class AccessEndingIT extends DeliveryServer {

  @Test
  void revocationKillsClaimsAndSessionsAtOnceAndShredsTheEnvelope() {
    Deal deal = paid(policy(3), false);
    String token = grant(deal).get("claim_token").asString();
    claim(deal.buyer(), deal.id(), token);
    String unused = ticket(deal).get("claim_token").asString();

    Market.Answer revoked = market.post(deal.seller(), "products-revoke", Map.of("transfer_id", deal.id(),
        "reason", "license breach"));

    assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
    assertThat(revoked.body().get("state").asString()).isEqualTo("revoked");
    assertThat(chunk(deal.buyer(), deal.id(), token, 0, Map.of()).code()).isEqualTo("access_revoked");
    assertThat(claim(deal.buyer(), deal.id(), unused).code()).isEqualTo("access_revoked");
    assertThat(market.post(deal.buyer(), "products-ticket", Map.of("transfer_id", deal.id())).code())
        .isEqualTo("access_revoked");
    Map<String, Object> key = jdbc.sql("SELECT key_envelope, destroyed_at FROM dist_product_keys WHERE transfer_id = "
        + "?::uuid").param(deal.id()).query().singleRow();
    assertThat(key.get("key_envelope")).isNull();
    assertThat(key.get("destroyed_at")).isNotNull();
    assertThat(market.post(deal.buyer(), "products-revoke", Map.of("transfer_id", deal.id())).code())
        .isEqualTo("not_seller");
  }


  @Test
  void aFullRefundEndsAccessAndAPartialOneIsRecorded() {
    Deal partial = paid(policy(2), false);
    String token = grant(partial).get("claim_token").asString();
    assertThat(outcome(deliver("evt_partial_" + partial.id(), "charge.refunded",
        STRIPE.refundedCharge(partial.session(), 500)))).isEqualTo("partially_refunded");
    assertThat(state(partial)).isEqualTo("delivered");
    assertThat(claim(partial.buyer(), partial.id(), token).status()).isEqualTo(200);
    Map<String, Object> intent = jdbc.sql("SELECT status, amount_refunded FROM dist_payment_intents "
        + "WHERE transfer_id = ?::uuid").param(partial.id()).query().singleRow();
    assertThat(intent).containsEntry("status", "partially_refunded").containsEntry("amount_refunded", 500L);

    assertThat(outcome(deliver("evt_full_" + partial.id(), "charge.refunded",
        STRIPE.refundedCharge(partial.session(), 1500)))).isEqualTo("refunded");
    assertThat(outcome(deliver("evt_full_" + partial.id(), "charge.refunded",
        STRIPE.refundedCharge(partial.session(), 1500)))).isEqualTo("duplicate_event");
    assertThat(state(partial)).isEqualTo("refunded");
    assertThat(chunk(partial.buyer(), partial.id(), token, 0, Map.of()).code()).isEqualTo("access_revoked");
    assertThat(jdbc.sql("SELECT destroyed_at IS NOT NULL FROM dist_product_keys WHERE transfer_id = ?::uuid")
        .param(partial.id()).query(Boolean.class).single()).isTrue();
  }


  @Test
  void disputesFromTheBuyerAndTheCardNetworkAndTheEvidenceBundle() {
    Deal deal = paid(policy(2), false);
    String token = grant(deal).get("claim_token").asString();
    claim(deal.buyer(), deal.id(), token);
    chunk(deal.buyer(), deal.id(), token, 0, Map.of("User-Agent", "buyer-agent/1.0"));

    assertThat(outcome(deliver("evt_dispute_" + deal.id(), "charge.dispute.created",
        STRIPE.dispute(deal.session(), "product_not_received")))).isEqualTo("disputed");
    assertThat(state(deal)).isEqualTo("disputed");
    assertThat(chunk(deal.buyer(), deal.id(), token, 0, Map.of()).code()).isEqualTo("transfer_disputed");

    Market.Answer evidence = market.get(deal.seller(), "products-dispute-evidence", Map.of("transfer_id", deal.id()));
    assertThat(evidence.status()).isEqualTo(200);
    assertThat(evidence.body().get("access_activity_log")).extracting(e -> e.get("action").asString())
        .contains("delivery.download_opened", "delivery.chunk_served").doesNotContain("delivery.key_deposited");
    assertThat(evidence.body().get("access_activity_log")).anySatisfy(e -> {
      assertThat(e.get("ip").asString()).isEqualTo("127.0.0.1");
      assertThat(e.get("user_agent").asString()).isEqualTo("buyer-agent/1.0");
    });
    assertThat(evidence.body().get("access_activity_log_text").asString()).contains("chunk 0 downloaded");
    assertThat(evidence.body().get("timeline")).extracting(e -> e.get("action").asString())
        .contains("transfer.paid", "transfer.delivered", "transfer.disputed");
    assertThat(market.get(market.ailock(), "products-dispute-evidence", Map.of("transfer_id", deal.id())).code())
        .isEqualTo("transfer_not_found");
    assertThat(market.get(deal.buyer(), "products-dispute-evidence", Map.of("transfer_id", deal.id())).code())
        .isEqualTo("not_seller");

    Deal other = paid(policy(1), false);
    Market.Answer buyerDispute = market.post(other.buyer(), "products-dispute", Map.of("transfer_id", other.id(),
        "reason", "not as described"));
    assertThat(buyerDispute.body().get("state").asString()).isEqualTo("disputed");
    assertThat(market.post(other.buyer(), "products-dispute", Map.of("transfer_id", other.id())).code())
        .as("a reason is required").isEqualTo("validation_failed");
    assertThat(market.post(other.seller(), "products-dispute", Map.of("transfer_id", other.id(), "reason", "again"))
        .code()).as("already disputed").isEqualTo("illegal_transition");
  }


  @Test
  void retentionPurgesExpiredProductsAndEndsTheirTransfers() {
    Deal delivered = paid(policy(1), false);
    String token = grant(delivered).get("claim_token").asString();
    claim(delivered.buyer(), delivered.id(), token);
    Deal invoicedOnly = offered(policy(1), false);
    Market.commerce(invoicedOnly.buyer()).invoice(invoicedOnly.id());
    String pointer = jdbc.sql("SELECT storage_pointer FROM dist_digital_products WHERE id = ?::uuid")
        .param(delivered.productId()).query(String.class).single();

    ((MutableClock) clock).advance(Duration.ofDays(7).plusMinutes(1));
    EnforceRetention.Swept swept = retention.sweep(100);

    assertThat(swept.products()).isGreaterThanOrEqualTo(2);
    assertThat(state(delivered)).isEqualTo("expired");
    assertThat(state(invoicedOnly)).isEqualTo("expired");
    Map<String, Object> product = jdbc.sql("SELECT status, manifest, blobs_purged_at FROM dist_digital_products "
        + "WHERE id = ?::uuid").param(delivered.productId()).query().singleRow();
    assertThat(product.get("status")).isEqualTo("purged");
    assertThat(product.get("manifest")).isNull();
    assertThat(product.get("blobs_purged_at")).isNotNull();
    assertThat(jdbc.sql("SELECT key_envelope IS NULL FROM dist_product_keys WHERE transfer_id = ?::uuid")
        .param(delivered.id()).query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM dist_download_sessions WHERE transfer_id = ?::uuid")
        .param(delivered.id()).query(Boolean.class).single()).isTrue();
    assertThat(chunk(delivered.buyer(), delivered.id(), token, 0, Map.of()).code()).isEqualTo("access_revoked");
    assertThat(jdbc.sql("SELECT blob_key FROM dist_upload_chunks c JOIN dist_upload_sessions s ON s.id = c.upload_id "
        + "WHERE s.storage_prefix = ?").param(pointer).query(String.class).list())
        .allSatisfy(key -> assertThat(blobs.open(new ai.ailock.distribution.engine.blob.BlobKey(key))).isEmpty());
    assertThat(retention.sweep(100).products()).as("nothing left to purge").isZero();
  }

  @Test
  void retentionPurgesABuyersAttachmentWithItsTransfersAccessPeriod() throws Exception {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    String transferId = market.offer(seller, buyer, Market.policyWithInputs()).transferId();
    String attachment = Market.commerce(buyer).uploadAttachment(transferId, "logo", new byte[5000], "image/png");
    String pointer = jdbc.sql("SELECT storage_pointer FROM dist_transfer_attachments WHERE id = ?::uuid")
        .param(attachment).query(String.class).single();
    List<String> chunkKeys = jdbc.sql("SELECT blob_key FROM dist_upload_chunks c JOIN dist_upload_sessions s "
        + "ON s.id = c.upload_id WHERE s.storage_prefix = ?").param(pointer).query(String.class).list();
    assertThat(chunkKeys).isNotEmpty()
        .allSatisfy(key -> assertThat(blobs.open(new ai.ailock.distribution.engine.blob.BlobKey(key))).isPresent());
    assertThat(market.get(seller, "attachments-get", Map.of("attachment_id", attachment)).status()).isEqualTo(200);

    ((MutableClock) clock).advance(Duration.ofDays(6));
    retention.sweep(100);
    assertThat(purged(attachment)).as("the access period has not ended").isFalse();
    ((MutableClock) clock).advance(Duration.ofDays(1).plusMinutes(1));
    EnforceRetention.Swept swept = retention.sweep(100);

    assertThat(swept.attachments()).isGreaterThanOrEqualTo(1);
    assertThat(chunkKeys)
        .allSatisfy(key -> assertThat(blobs.open(new ai.ailock.distribution.engine.blob.BlobKey(key))).isEmpty());
    assertThat(purged(attachment)).isTrue();
    assertThat(market.get(seller, "attachments-get", Map.of("attachment_id", attachment)).code())
        .isEqualTo("attachment_not_found");
    assertThat(jdbc.sql("SELECT count(*) FROM dist_audit_log WHERE action = 'attachment.purged' "
        + "AND transfer_id = ?::uuid").param(transferId).query(Long.class).single()).isEqualTo(1);
    retention.sweep(100);
    assertThat(jdbc.sql("SELECT count(*) FROM dist_audit_log WHERE action = 'attachment.purged' "
        + "AND transfer_id = ?::uuid").param(transferId).query(Long.class).single()).as("purged once").isEqualTo(1);
  }

  boolean purged(String attachment) {
    return jdbc.sql("SELECT purged_at IS NOT NULL FROM dist_transfer_attachments WHERE id = ?::uuid")
        .param(attachment).query(Boolean.class).single();
  }

  @Autowired
  ai.ailock.distribution.engine.blob.BlobStore blobs;
}
