package ai.ailock.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.identity.HttpIdentities;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code identities-rotate} over HTTP: the Ailock keeps its id, the old key is retired (listed, verifying, never
 * authenticating), and what was bound to it ends so that the buyer's download budget is free for its new key.
 */
class IdentityRotationIT extends DeliveryServer {

  @Test
  void theOldKeyIsRetiredListedAndNoLongerAuthenticates() {
    TestAilock ailock = market.ailock();
    AilockKeys next = ailock.keys().successor();

    var registration = new HttpIdentities(ailock.http()).rotate(ailock.ailockId(), next);

    assertThat(registration.ailockId()).isEqualTo(ailock.ailockId());
    assertThat(registration.keyId()).isEqualTo(next.keyId());
    TestAilock rotated = new TestAilock(next, ailock.http().signingWith(next), ailock.ailockId());
    Market.Answer identity = market.get(market.ailock(), "identities-get", Map.of("ailock_id", ailock.ailockId()));
    assertThat(identity.body().path("key_id").asString()).isEqualTo(next.keyId());
    JsonNode keys = identity.body().path("keys");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).path("key_id").asString()).isEqualTo(ailock.keys().keyId());
    assertThat(keys.get(0).path("status").asString()).isEqualTo("retired");
    assertThat(keys.get(0).path("retired_at").isNull()).isFalse();
    assertThat(keys.get(1).path("status").asString()).isEqualTo("active");

    assertThat(market.get(ailock, "identities-get", Map.of("ailock_id", ailock.ailockId())).code())
        .isEqualTo("unauthenticated");
    assertThat(market.get(rotated, "identities-get", Map.of("ailock_id", ailock.ailockId())).status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM dist_audit_log WHERE action = 'identity.key_rotated' AND actor = ?")
        .param(ailock.ailockId()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void rotationEndsTheOldKeysClaimsAndSessionsAndFreesTheBudget() throws Exception {
    Deal deal = paid(policy(1), false);
    JsonNode granted = grant(deal);
    assertThat(claim(deal.buyer(), deal.id(), granted.get("claim_token").asString()).status()).isEqualTo(200);
    String unredeemed = ticket(deal).get("claim_token").asString();
    assertThat(claim(deal.buyer(), deal.id(), unredeemed).code()).as("the running session holds the only download")
        .isEqualTo("download_limit_reached");

    AilockKeys next = deal.buyer().keys().successor();
    new HttpIdentities(deal.buyer().http()).rotate(deal.buyer().ailockId(), next);
    TestAilock buyer = new TestAilock(next, deal.buyer().http().signingWith(next), deal.buyer().ailockId());

    assertThat(jdbc.sql("SELECT count(*) FROM dist_download_sessions WHERE transfer_id = ?::uuid"
        + " AND revoked_at IS NULL").param(deal.id()).query(Long.class).single()).isZero();
    assertThat(claim(buyer, deal.id(), unredeemed).code()).isIn("access_revoked", "wrong_recipient");
    Market.Answer ticket = market.post(buyer, "products-ticket", Map.of("transfer_id", deal.id()));
    assertThat(ticket.status()).isEqualTo(200);
    assertThat(ticket.body().path("recipient_key_id").asString()).isEqualTo(deal.buyer().keys().keyId());
    byte[] envelope = Base64.getUrlDecoder().decode(ticket.body().path("key_envelope").asString());
    assertThat(KeyEnvelopes.open(envelope, next.encryptionFor(deal.buyer().keys().keyId()))).isEqualTo(deal.inputKey());
    Market.Answer opened = claim(buyer, deal.id(), ticket.body().path("claim_token").asString());
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(200);
  }

  @Test
  void aRotationNotSignedByTheNewKeyForThisAilockChangesNothing() {
    TestAilock ailock = market.ailock();
    TestAilock other = market.ailock();
    AilockKeys next = ailock.keys().successor();
    var b64 = Base64.getUrlEncoder().withoutPadding();
    byte[] forOther = ("ailock-e2ee-v1:key-rotation:" + other.ailockId() + ":" + ailock.keys().keyId())
        .getBytes(StandardCharsets.US_ASCII);

    Market.Answer refused = market.post(ailock, "identities-rotate", Map.of(
        "ed25519_public_key", b64.encodeToString(next.signing().publicKey()),
        "x25519_public_key", b64.encodeToString(next.encryption().publicKey()),
        "x25519_signature", b64.encodeToString(next.x25519Binding()),
        "rotation_signature", b64.encodeToString(next.sign(forOther))));
    Market.Answer taken = market.post(ailock, "identities-rotate", Map.of(
        "ed25519_public_key", b64.encodeToString(other.keys().signing().publicKey()),
        "x25519_public_key", b64.encodeToString(other.keys().encryption().publicKey()),
        "x25519_signature", b64.encodeToString(other.keys().x25519Binding()),
        "rotation_signature", b64.encodeToString(other.keys().sign(("ailock-e2ee-v1:key-rotation:"
            + ailock.ailockId() + ":" + ailock.keys().keyId()).getBytes(StandardCharsets.US_ASCII)))));
    Market.Answer malformed = market.post(ailock, "identities-rotate", Map.of("ed25519_public_key", "short"));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.code()).isEqualTo("signature_invalid");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.code()).isEqualTo("key_conflict");
    assertThat(malformed.code()).isEqualTo("validation_failed");
    assertThat(market.get(ailock, "identities-get", Map.of("ailock_id", ailock.ailockId())).body().path("keys"))
        .hasSize(1);
  }
}
