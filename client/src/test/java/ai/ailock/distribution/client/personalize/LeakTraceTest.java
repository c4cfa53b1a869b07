package ai.ailock.distribution.client.personalize;

import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.SELLER;
import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.aliceLicense;
import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.bobLicense;
import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.repack;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.personalize.LeakTrace.FoundIn;
import ai.ailock.distribution.client.personalize.LeakTrace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakTraceTest {
  static final byte[] SELLER_KEY = SELLER.signing().publicKey();

  @TempDir Path dir;
  Path aliceCopy;
  String alice;

  @BeforeEach
  void personalizeForAlice() throws Exception {
    aliceCopy = dir.resolve("alice.zip");
    PersonalizedArchive.write(PersonalizationFixtures.productZip(dir, false), "p.zip", aliceLicense(), aliceCopy);
    alice = aliceLicense().fingerprint();
  }

  @Test
  void findsTheLicenseInTheArchiveComment() throws Exception {
    Trace trace = LeakTrace.read(aliceCopy).orElseThrow();

    assertThat(trace.license()).isEqualTo(aliceLicense());
    assertThat(trace.foundIn()).isEqualTo(FoundIn.ARCHIVE_COMMENT);
    assertThat(trace.fingerprints()).containsExactly(alice);
    assertThat(trace.verifiedBy(SELLER_KEY)).isTrue();
    assertThat(trace.verifiedBy(AilockKeys.generate().signing().publicKey())).isFalse();
  }

  @Test
  void peelingOffTheMarksOneByOneLeavesTheNextOne() throws Exception {
    Path noComment = repack(aliceCopy, dir.resolve("1.zip"), null, name -> true);
    Path noJson = repack(noComment, dir.resolve("2.zip"), null, name -> !name.equals(".ailock/license.json"));
    Path noLicense = repack(noJson, dir.resolve("3.zip"), null, name -> !name.equals("LICENSE.txt"));

    Trace fromJson = LeakTrace.read(noComment).orElseThrow();
    Trace fromText = LeakTrace.read(noJson).orElseThrow();
    Trace fromEntries = LeakTrace.read(noLicense).orElseThrow();

    assertThat(fromJson.foundIn()).isEqualTo(FoundIn.LICENSE_JSON);
    assertThat(fromJson.license()).isEqualTo(aliceLicense());
    assertThat(fromJson.verifiedBy(SELLER_KEY)).isTrue();
    assertThat(fromText.foundIn()).isEqualTo(FoundIn.LICENSE_TEXT);
    assertThat(fromText.license()).isEqualTo(aliceLicense());
    assertThat(fromText.verifiedBy(SELLER_KEY)).isTrue();
    assertThat(fromEntries.foundIn()).isEqualTo(FoundIn.ENTRY_COMMENTS);
    assertThat(fromEntries.license()).isNull();
    assertThat(fromEntries.fingerprints()).containsExactly(alice);
    assertThat(fromEntries.verifiedBy(SELLER_KEY)).isFalse();
  }

  @Test
  void findsTheLicenseInACopyExtractedAndZippedAgain() throws Exception {
    Path rezipped = PersonalizationFixtures.extractedAndZippedAgain(aliceCopy, dir.resolve("r.zip"), "product");

    Trace trace = LeakTrace.read(rezipped).orElseThrow();

    assertThat(trace.foundIn()).isEqualTo(FoundIn.LICENSE_JSON);
    assertThat(trace.license()).isEqualTo(aliceLicense());
    assertThat(trace.verifiedBy(SELLER_KEY)).isTrue();
  }

  @Test
  void readsALicenseTxtOnItsOwn() throws Exception {
    Path text = Files.writeString(dir.resolve("LICENSE.txt"), LicenseText.render(aliceLicense()));

    Trace trace = LeakTrace.read(text).orElseThrow();

    assertThat(trace.foundIn()).isEqualTo(FoundIn.LICENSE_TEXT);
    assertThat(trace.verifiedBy(SELLER_KEY)).isTrue();
  }

  @Test
  void aTamperedLicenseFailsVerification() throws Exception {
    License l = aliceLicense();
    License tampered = new License(l.licenseId(), l.productId(), l.transferId(), "buyer-mallory", l.seller(),
        l.title(), l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), l.signature());
    String comment = "ailock-license-v1 " + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(tampered.canonicalBytes());
    Path onlyTheTamperedOne = repack(aliceCopy, dir.resolve("t1.zip"), comment,
        name -> !name.equals(".ailock/license.json") && !name.equals("LICENSE.txt"));
    Path besideTheOriginal = repack(aliceCopy, dir.resolve("t2.zip"), comment, name -> true);

    Trace alone = LeakTrace.read(onlyTheTamperedOne).orElseThrow();
    Trace beside = LeakTrace.read(besideTheOriginal).orElseThrow();

    assertThat(alone.license()).isEqualTo(tampered);
    assertThat(alone.verifiedBy(SELLER_KEY)).isFalse();
    assertThat(beside.license()).isEqualTo(tampered);
    assertThat(beside.fingerprints()).contains(alice, tampered.fingerprint());
    assertThat(beside.verifiedBy(SELLER_KEY)).isFalse();
  }

  @Test
  void anArchiveSplicedFromTwoBuyersCopiesFailsVerification() throws Exception {
    Path bobCopy = dir.resolve("bob.zip");
    PersonalizedArchive.write(PersonalizationFixtures.productZip(dir, false), "p.zip", bobLicense(), bobCopy);
    Path bobsGuide = repack(bobCopy, dir.resolve("bob-guide.zip"), null, name -> name.equals("docs/guide.txt"));
    Path spliced = dir.resolve("spliced.zip");
    try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(spliced);
        var a = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(aliceCopy).get();
        var b = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(bobsGuide).get()) {
      for (var entry : java.util.Collections.list(a.getEntries())) {
        var from = entry.getName().equals("docs/guide.txt") ? b : a;
        var taken = from.getEntry(entry.getName());
        try (var raw = from.getRawInputStream(taken)) {
          out.addRawArchiveEntry(taken, raw);
        }
      }
    }

    Trace trace = LeakTrace.read(spliced).orElseThrow();

    assertThat(trace.license()).isEqualTo(aliceLicense());
    assertThat(trace.fingerprints()).isEqualTo(Set.of(alice, bobLicense().fingerprint()));
    assertThat(trace.verifiedBy(SELLER_KEY)).isFalse();
    assertThat(LeakTrace.read(bobCopy).orElseThrow().verifiedBy(SELLER_KEY)).isTrue();
  }

  @Test
  void findsNothingInAnUnrelatedFile() throws Exception {
    Path random = Files.write(dir.resolve("random.bin"), PersonalizationFixtures.randomBytes(5000, 11));
    Path plainZip = PersonalizationFixtures.productZip(dir, true);

    assertThat(LeakTrace.read(random)).isEmpty();
    assertThat(LeakTrace.read(plainZip)).isEmpty();
  }
}
