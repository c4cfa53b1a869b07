package ai.ailock.distribution.client.personalize;

import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.SELLER;
import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.aliceLicense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LicenseTest {

  @Test
  void signsALicenseThatVerifiesAfterATripThroughJson() throws Exception {
    License license = aliceLicense();

    License parsed = License.parse(license.canonicalBytes());

    assertThat(parsed).isEqualTo(license);
    assertThat(parsed.sellerKeyId()).isEqualTo(SELLER.keyId());
    assertThat(parsed.purchasedAt()).isEqualTo("2026-03-04T05:06:07Z");
    parsed.verify(SELLER.signing().publicKey());
  }

  @Test
  void signsTheCanonicalFormWithoutTheSignature() {
    License license = aliceLicense();

    String signed = new String(license.signedBytes(), StandardCharsets.UTF_8);

    assertThat(signed).isEqualTo("{\"buyer\":\"buyer-alice\",\"format\":\"ailock-license-v1\",\"license_id\":\""
        + license.licenseId() + "\",\"payment_ref\":\"pi_3PqR5sT\",\"product_id\":\"prod-42\","
        + "\"purchased_at\":\"2026-03-04T05:06:07Z\",\"seller\":\"seller-ailock-7\",\"seller_key_id\":\""
        + SELLER.keyId() + "\",\"terms\":" + json(License.defaultTerms()) + ",\"title\":"
        + "\"Field Guide to Rust \\\"Async\\\"\",\"transfer_id\":\"0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e\"}");
  }

  @Test
  void signsDeterministically() {
    assertThat(aliceLicense().canonicalBytes()).isEqualTo(aliceLicense().canonicalBytes());
  }

  @Test
  void refusesAnotherKeyAndAnyChangedMember() {
    License l = aliceLicense();
    byte[] sellerKey = SELLER.signing().publicKey();

    assertThatThrownBy(() -> l.verify(AilockKeys.generate().signing().publicKey()))
        .isInstanceOf(SignatureException.class).hasMessageContaining("not by this key");
    for (License changed : new License[] {
        new License(l.licenseId(), l.productId(), l.transferId(), "buyer-mallory", l.seller(), l.title(),
            l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), l.signature()),
        new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(), l.title(),
            "2026-03-04T05:06:08Z", l.paymentRef(), l.terms(), l.sellerKeyId(), l.signature()),
        new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(), l.title(),
            l.purchasedAt(), l.paymentRef(), "Do what you want.", l.sellerKeyId(), l.signature()),
        new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(), l.title(),
            l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), "")}) {
      assertThatThrownBy(() -> changed.verify(sellerKey)).isInstanceOf(SignatureException.class);
    }
  }

  @Test
  void parseRefusesExtraMissingDuplicateOrNonStringMembers() {
    String json = new String(aliceLicense().canonicalBytes(), StandardCharsets.UTF_8);
    String body = json.substring(1, json.length() - 1);

    for (String malformed : new String[] {
        "{" + body + ",\"email\":\"alice@example.com\"}",
        json.replace(",\"payment_ref\":\"pi_3PqR5sT\"", ""),
        "{" + body + ",\"buyer\":\"buyer-bob\"}",
        json.replace("\"payment_ref\":\"pi_3PqR5sT\"", "\"payment_ref\":42"),
        json.replace("ailock-license-v1", "ailock-license-v2"),
        "[]",
        "not json"}) {
      assertThatThrownBy(() -> License.parse(malformed.getBytes(StandardCharsets.UTF_8)))
          .as(malformed).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatCode(() -> License.parse(json.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
  }

  @Test
  void refusesMalformedMembers() {
    License l = aliceLicense();
    assertThatThrownBy(() -> new License("0B7D3C9E-1F2A-4B5C-8D9E-0F1A2B3C4D5E", l.productId(), l.transferId(),
        l.buyer(), l.seller(), l.title(), l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), ""))
        .hasMessageContaining("license_id");
    assertThatThrownBy(() -> new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(),
        "two\nlines", l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), ""))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(),
        l.title(), "2026-03-04T05:06:07.5Z", l.paymentRef(), l.terms(), l.sellerKeyId(), ""))
        .hasMessageContaining("purchased_at");
    assertThatThrownBy(() -> new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(),
        l.title(), "2026-03-04T06:06:07+01:00", l.paymentRef(), l.terms(), l.sellerKeyId(), ""))
        .hasMessageContaining("purchased_at");
    assertThatThrownBy(() -> new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(),
        l.title(), l.purchasedAt(), l.paymentRef(), "x".repeat(4001), l.sellerKeyId(), ""))
        .hasMessageContaining("terms");
    assertThatThrownBy(() -> new License(l.licenseId(), l.productId(), l.transferId(), "../buyer", l.seller(),
        l.title(), l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), ""))
        .hasMessageContaining("buyer");
  }

  @Test
  void fingerprintIsTheStartOfTheSha256OfTheCanonicalForm() throws Exception {
    License license = aliceLicense();

    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(license.canonicalBytes()), 0, 16);

    assertThat(license.fingerprint()).isEqualTo(expected).hasSize(32);
    assertThat(License.parse(license.canonicalBytes()).fingerprint()).isEqualTo(expected);
    assertThat(PersonalizationFixtures.bobLicense().fingerprint()).isNotEqualTo(expected);
  }

  @Test
  void defaultTermsAreValidTermsForOneOrganizationWithoutRedistribution() {
    assertThat(License.defaultTerms()).contains("single organization").contains("may not redistribute")
        .hasSizeLessThanOrEqualTo(4000).doesNotContain("\r");
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
