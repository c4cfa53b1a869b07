package ai.ailock.distribution.client.personalize;

import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.SELLER;
import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.aliceLicense;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class LicenseTextTest {

  @Test
  void namesTheBuyerProductTransferDatePaymentTermsAndFingerprint() {
    License license = aliceLicense();

    String text = LicenseText.render(license);

    assertThat(text).contains("licensed to the Ailock buyer-alice")
        .contains("Field Guide to Rust \"Async\"").contains("prod-42")
        .contains("0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e").contains("2026-03-04T05:06:07Z")
        .contains("Payment ref:  pi_3PqR5sT").contains(License.defaultTerms())
        .contains("personalized for the buyer named above and is traceable to this purchase")
        .contains("Fingerprint:  " + license.fingerprint())
        .doesNotContain("\r").endsWith(LicenseText.END + "\n");
  }

  @Test
  void leavesOutAnEmptyPaymentReference() {
    License license = License.sign(java.util.UUID.randomUUID(), "prod-42", "t-1", "buyer-alice", "seller-7",
        "Title", PersonalizationFixtures.PURCHASED_AT, "", "Terms.", SELLER);

    assertThat(LicenseText.render(license)).doesNotContain("Payment ref");
  }

  @Test
  void carriesTheSignedLicenseWrappedAt76Characters() throws Exception {
    License license = aliceLicense();
    String text = LicenseText.render(license);

    String block = text.substring(text.indexOf(LicenseText.BEGIN) + LicenseText.BEGIN.length() + 1,
        text.indexOf(LicenseText.END));

    assertThat(block.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(76))
        .first().satisfies(line -> assertThat(line).hasSize(76));
    assertThat(Base64.getUrlDecoder().decode(block.replace("\n", ""))).isEqualTo(license.canonicalBytes());
    License extracted = LicenseText.extract(text).orElseThrow();
    assertThat(extracted).isEqualTo(license);
    extracted.verify(SELLER.signing().publicKey());
  }

  @Test
  void extractsDespiteWindowsLineEnds() {
    String text = LicenseText.render(aliceLicense()).replace("\n", "\r\n");

    assertThat(LicenseText.extract(text)).contains(aliceLicense());
  }

  @Test
  void extractsNothingFromTextWithoutAWellFormedBlock() {
    String text = LicenseText.render(aliceLicense());
    int middle = text.indexOf(LicenseText.END) - 40;

    assertThat(LicenseText.extract("MIT License\n\nCopyright (c) 2026")).isEmpty();
    assertThat(LicenseText.extract(text.substring(0, middle) + "!" + text.substring(middle + 1))).isEmpty();
    assertThat(LicenseText.extract(text.replace(LicenseText.END, ""))).isEmpty();
  }
}
