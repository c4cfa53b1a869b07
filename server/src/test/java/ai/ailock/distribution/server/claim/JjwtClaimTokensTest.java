package ai.ailock.distribution.server.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.crypto.Ed25519;
import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.delivery.ClaimToken;
import ai.ailock.distribution.engine.delivery.ClaimTokens;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.server.auth.SodiumSignatureVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Claim tokens as EdDSA JWTs: what they say, and every trick that must not get through (design §3.5). */
class JjwtClaimTokensTest {
  static final byte[] SEED = seed(1);
  static final byte[] PREVIOUS_SEED = seed(50);
  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  final MutableClock clock = new MutableClock();
  final ClaimSigningKey current = ClaimSigningKey.fromSeed("k-2026-11", SEED);
  final ClaimSigningKey previous = ClaimSigningKey.fromSeed("k-2026-10", PREVIOUS_SEED);
  final JjwtClaimTokens tokens = tokens(new ClaimSigningKeys(current, List.of(previous)));
  final ClaimToken claim = new ClaimToken(UUID.randomUUID(), new TransferId(UUID.randomUUID()), new AilockId("buyer"),
      "thumbprint-of-the-buyers-key", clock.instant(), clock.instant().plus(Duration.ofMinutes(10)));

  JjwtClaimTokens tokens(ClaimSigningKeys keys) {
    return new JjwtClaimTokens(keys, new SodiumSignatureVerifier(), "ailock-distribution",
        "ailock-distribution/download", clock);
  }

  static byte[] seed(int first) {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) (first + i);
    }
    return seed;
  }

  static ObjectNode json(String part) {
    return (ObjectNode) WireJson.mapper().readTree(Base64.getUrlDecoder().decode(part));
  }

  static String encode(ObjectNode node) {
    return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Signs header.payload with an Ed25519 seed, as anyone holding that key could. */
  static String signed(ObjectNode header, ObjectNode payload, byte[] seed) {
    String input = encode(header) + "." + encode(payload);
    byte[] signature = Ed25519.sign(Ed25519.keyPairFromSeed(seed), input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + B64.encodeToString(signature);
  }

  void refused(String token) {
    assertThatThrownBy(() -> tokens.read(token)).isInstanceOfSatisfying(DistributionException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLAIM_INVALID));
  }

  @Test
  void issuesAnEdDsaJwtWithKidTypeAudienceSubjectAndConfirmationKey() {
    ClaimTokens.Issued issued = tokens.issue(claim);
    String[] parts = issued.token().split("\\.");

    ObjectNode header = json(parts[0]);
    ObjectNode payload = json(parts[1]);
    assertThat(header.get("alg").asString()).isEqualTo("EdDSA");
    assertThat(header.get("kid").asString()).isEqualTo("k-2026-11").isEqualTo(issued.signingKid());
    assertThat(header.get("typ").asString()).isEqualTo("ailock-claim+jwt");
    assertThat(payload.get("aud").toString()).contains("ailock-distribution/download");
    assertThat(payload.get("iss").asString()).isEqualTo("ailock-distribution");
    assertThat(payload.get("sub").asString()).isEqualTo("buyer");
    assertThat(payload.get("jti").asString()).isEqualTo(claim.jti().toString());
    assertThat(payload.get("transfer_id").asString()).isEqualTo(claim.transfer().toString());
    assertThat(payload.get("cnf").get("jkt").asString()).isEqualTo("thumbprint-of-the-buyers-key");
    assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(600);
    assertThat(tokens.read(issued.token())).isEqualTo(claim);
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  @Test
  void tokensOfThePreviousKeyStillVerifyAndUnknownKidsDoNot() {
    String token = tokens(new ClaimSigningKeys(previous, List.of())).issue(claim).token();
    assertThat(tokens.read(token).jti()).isEqualTo(claim.jti());

    String[] parts = tokens.issue(claim).token().split("\\.");
    ObjectNode header = json(parts[0]).put("kid", "k-unknown");
    refused(signed(header, json(parts[1]), seed(99)));
    refused(tokens(new ClaimSigningKeys(ClaimSigningKey.fromSeed("k-2026-11", seed(99)), List.of())).issue(claim)
        .token());
  }

  @Test
  void refusesAlgorithmNoneAndHmacWithThePublicKeyAsSecret() throws Exception {
    String[] parts = tokens.issue(claim).token().split("\\.");
    ObjectNode none = json(parts[0]).put("alg", "none");
    refused(encode(none) + "." + parts[1] + ".");
    refused(encode(none) + "." + parts[1] + "." + parts[2]);

    ObjectNode hs256 = json(parts[0]).put("alg", "HS256");
    String input = encode(hs256) + "." + parts[1];
    byte[] x509 = java.util.HexFormat.of().parseHex("302a300506032b6570032100" // SubjectPublicKeyInfo, Ed25519
        + java.util.HexFormat.of().formatHex(current.rawPublic()));
    for (byte[] secret : List.of(current.rawPublic(), x509)) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      refused(input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
    }
  }

  @Test
  void refusesATamperedToken() {
    String token = tokens.issue(claim).token();
    String[] parts = token.split("\\.");
    refused(parts[0] + "." + encode(json(parts[1]).put("sub", "mallory")) + "." + parts[2]);
    refused(parts[0] + "." + encode(json(parts[1]).put("exp", 4_000_000_000L)) + "." + parts[2]);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 1;
    refused(parts[0] + "." + parts[1] + "." + B64.encodeToString(signature));
    refused(token + "x".repeat(5000));
    refused("not a token");
  }

  @Test
  void refusesANonCanonicalSignatureThatTheJdkMightAccept() {
    String token = tokens.issue(claim).token();
    String[] parts = token.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    // S + L: the same signature in a non-canonical encoding (RFC 8032 §5.1.7 says reject)
    BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    byte[] s = Arrays.copyOfRange(signature, 32, 64);
    byte[] sLittle = reverse(new BigInteger(1, reverse(s)).add(l).toByteArray());
    byte[] malleated = Arrays.copyOf(signature, 64);
    System.arraycopy(Arrays.copyOf(sLittle, 32), 0, malleated, 32, 32);
    refused(parts[0] + "." + parts[1] + "." + B64.encodeToString(malleated));
  }

  @Test
  void refusesAnotherTypeAudienceOrIssuerEvenWhenSignedWithTheServiceKey() {
    String[] parts = tokens.issue(claim).token().split("\\.");
    refused(signed(json(parts[0]).put("typ", "JWT"), json(parts[1]), SEED));
    ObjectNode noType = json(parts[0]);
    noType.remove("typ");
    refused(signed(noType, json(parts[1]), SEED));
    refused(signed(json(parts[0]), json(parts[1]).put("aud", "another-service"), SEED));
    refused(signed(json(parts[0]), json(parts[1]).put("iss", "someone-else"), SEED));
    ObjectNode noCnf = json(parts[1]);
    noCnf.remove("cnf");
    refused(signed(json(parts[0]), noCnf, SEED));
    assertThat(tokens.read(signed(json(parts[0]), json(parts[1]), SEED)).jti()).as("control").isEqualTo(claim.jti());
  }

  @Test
  void anExpiredTokenIsReadButSaysSoAndStaysTamperProof() {
    String token = tokens.issue(claim).token();
    clock.advance(Duration.ofMinutes(11));

    ClaimToken read = tokens.read(token);
    assertThat(read.expired(clock.instant())).isTrue();
    String[] parts = token.split("\\.");
    refused(parts[0] + "." + encode(json(parts[1]).put("sub", "mallory")) + "." + parts[2]);
  }

  static byte[] reverse(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return reversed;
  }

}
