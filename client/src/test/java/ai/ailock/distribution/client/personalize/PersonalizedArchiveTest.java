package ai.ailock.distribution.client.personalize;

import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.SELLER;
import static ai.ailock.distribution.client.personalize.PersonalizationFixtures.aliceLicense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.personalize.PersonalizedArchive.Kind;
import ai.ailock.distribution.client.personalize.PersonalizedArchive.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalizedArchiveTest {
  @TempDir Path dir;

  @Test
  void augmentsAZipKeepingEveryEntryByteForByte() throws Exception {
    Path source = PersonalizationFixtures.productZip(dir, false);
    License license = aliceLicense();

    Result result = PersonalizedArchive.write(source, "ignored.bin", license, dir.resolve("copy.zip"));

    assertThat(result).isEqualTo(new Result(Kind.AUGMENTED, 7, "LICENSE.txt", license.fingerprint()));
    try (var original = new ZipFile(source.toFile()); var copy = new ZipFile(dir.resolve("copy.zip").toFile())) {
      List<? extends ZipEntry> originals = Collections.list(original.entries());
      List<? extends ZipEntry> copies = Collections.list(copy.entries());
      assertThat(copies).extracting(ZipEntry::getName).containsExactly("README.md", "docs/", "docs/guide.txt",
          "bin/data.bin", "nested/deep/caf\u00e9.json", "LICENSE.txt", ".ailock/license.json");
      for (int i = 0; i < originals.size(); i++) {
        ZipEntry before = originals.get(i);
        ZipEntry after = copies.get(i);
        assertThat(after.getCrc()).as(before.getName()).isEqualTo(before.getCrc());
        assertThat(after.getMethod()).as(before.getName()).isEqualTo(before.getMethod());
        assertThat(after.getCompressedSize()).as(before.getName()).isEqualTo(before.getCompressedSize());
        assertThat(after.getTimeLocal()).as(before.getName()).isEqualTo(before.getTimeLocal());
        assertThat(after.getComment()).isEqualTo("ailock:" + license.fingerprint());
        assertThat(read(copy, after)).as(before.getName()).isEqualTo(read(original, before));
      }
      assertThat(originals).extracting(ZipEntry::getMethod).contains(ZipEntry.DEFLATED, ZipEntry.STORED);
      assertThat(new String(read(copy, copy.getEntry("LICENSE.txt")), StandardCharsets.UTF_8))
          .contains("buyer-alice").contains(license.transferId()).contains(license.fingerprint());
      License embedded = License.parse(read(copy, copy.getEntry(".ailock/license.json")));
      assertThat(embedded).isEqualTo(license);
      embedded.verify(SELLER.signing().publicKey());
      assertThat(copy.getComment()).isEqualTo("ailock-license-v1 "
          + Base64.getUrlEncoder().withoutPadding().encodeToString(license.canonicalBytes()));
    }
    assertThat(rawEntries(dir.resolve("copy.zip"), 5)).isEqualTo(rawEntries(source, 5));
  }

  @Test
  void keepsTheSourcesOwnLicenseTxtAndAddsLicenseAilockTxt() throws Exception {
    Path source = PersonalizationFixtures.productZip(dir, true);

    Result result = PersonalizedArchive.write(source, "product.zip", aliceLicense(), dir.resolve("copy.zip"));

    assertThat(result.licenseEntry()).isEqualTo("LICENSE-AILOCK.txt");
    try (var copy = new ZipFile(dir.resolve("copy.zip").toFile())) {
      assertThat(new String(read(copy, copy.getEntry("LICENSE.txt")), StandardCharsets.UTF_8))
          .isEqualTo("MIT License\n\nThe seller's own terms.\n");
      assertThat(new String(read(copy, copy.getEntry("LICENSE-AILOCK.txt")), StandardCharsets.UTF_8))
          .contains("buyer-alice");
    }
  }

  @Test
  void wrapsAFileThatIsNotAZipStoredAndUnchanged() throws Exception {
    byte[] video = PersonalizationFixtures.randomBytes(300_000, 7);
    Path source = Files.write(dir.resolve("upload.tmp"), video);

    Result result = PersonalizedArchive.write(source, "../clips/intro:cut.mp4", aliceLicense(), dir.resolve("c.zip"));

    assertThat(result).isEqualTo(new Result(Kind.WRAPPED, 3, "LICENSE.txt", aliceLicense().fingerprint()));
    try (var copy = new ZipFile(dir.resolve("c.zip").toFile())) {
      assertThat(Collections.list(copy.entries())).extracting(ZipEntry::getName)
          .containsExactly("intro_cut.mp4", "LICENSE.txt", ".ailock/license.json");
      ZipEntry wrapped = copy.getEntry("intro_cut.mp4");
      assertThat(wrapped.getMethod()).isEqualTo(ZipEntry.STORED);
      assertThat(wrapped.getCompressedSize()).isEqualTo(video.length);
      assertThat(wrapped.getComment()).isEqualTo("ailock:" + aliceLicense().fingerprint());
      assertThat(read(copy, wrapped)).isEqualTo(video);
      assertThat(License.parse(read(copy, copy.getEntry(".ailock/license.json")))).isEqualTo(aliceLicense());
      assertThat(copy.getComment()).startsWith("ailock-license-v1 ");
    }
    assertThat(PersonalizedArchive.CONTENT_TYPE).isEqualTo("application/zip");
  }

  @Test
  void wrapsAFileWhoseTailOnlyLooksLikeAZip() throws Exception {
    byte[] bytes = PersonalizationFixtures.randomBytes(10_000, 3);
    byte[] fakeEnd = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 9, 0, 9, 0, 0x10, 0, 0, 0, (byte) 0xf0, 0x7f, 0, 0, 0, 0};
    System.arraycopy(fakeEnd, 0, bytes, bytes.length - fakeEnd.length, fakeEnd.length);
    Path source = Files.write(dir.resolve("odd.bin"), bytes);

    Result result = PersonalizedArchive.write(source, "odd.bin", aliceLicense(), dir.resolve("c.zip"));

    assertThat(result.kind()).isEqualTo(Kind.WRAPPED);
  }

  @Test
  void wrapsAZipThatARawCopyWouldDamage() throws Exception {
    Path withPreamble = PersonalizationFixtures.selfExtractingZip(dir);
    Path encrypted = PersonalizationFixtures.markedEncrypted(PersonalizationFixtures.zipWithEntry(dir, "b.txt"));
    try (var readable = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(withPreamble).get()) {
      assertThat(readable.getEntry("payload.txt").getLocalHeaderOffset()).isPositive(); // a ZIP, behind a stub
    }

    for (Path source : List.of(withPreamble, encrypted)) {
      Path target = dir.resolve("copy-of-" + source.getFileName() + ".zip");
      Result result = PersonalizedArchive.write(source, source.getFileName().toString(), aliceLicense(), target);

      assertThat(result.kind()).as(source.toString()).isEqualTo(Kind.WRAPPED);
      try (var copy = new ZipFile(target.toFile())) {
        assertThat(read(copy, copy.getEntry(source.getFileName().toString()))).isEqualTo(Files.readAllBytes(source));
      }
    }
  }

  @Test
  void writesTheSameBytesTwiceAndInAnyTimeZone() throws Exception {
    Path source = PersonalizationFixtures.productZip(dir, false);
    Path video = Files.write(dir.resolve("video.mp4"), PersonalizationFixtures.randomBytes(1000, 5));
    PersonalizedArchive.write(source, "p.zip", aliceLicense(), dir.resolve("first.zip"));
    PersonalizedArchive.write(video, "video.mp4", aliceLicense(), dir.resolve("first-wrapped.zip"));

    PersonalizedArchive.write(source, "p.zip", aliceLicense(), dir.resolve("second.zip"));
    inTimeZone("Pacific/Chatham", () -> {
      PersonalizedArchive.write(source, "p.zip", aliceLicense(), dir.resolve("elsewhere.zip"));
      PersonalizedArchive.write(video, "video.mp4", aliceLicense(), dir.resolve("elsewhere-wrapped.zip"));
    });

    assertThat(dir.resolve("second.zip")).hasSameBinaryContentAs(dir.resolve("first.zip"));
    assertThat(dir.resolve("elsewhere.zip")).hasSameBinaryContentAs(dir.resolve("first.zip"));
    assertThat(dir.resolve("elsewhere-wrapped.zip")).hasSameBinaryContentAs(dir.resolve("first-wrapped.zip"));
  }

  @Test
  void keepsDosTimesAsStoredAndDatesAddedEntriesAtThePurchase() throws Exception {
    Path source = PersonalizationFixtures.zipWithExtendedTimestamp(dir, "Asia/Tokyo");

    inTimeZone("America/New_York",
        () -> PersonalizedArchive.write(source, "n.zip", aliceLicense(), dir.resolve("copy.zip")));

    List<Integer> copied = PersonalizationFixtures.rawDosTimes(dir.resolve("copy.zip"));
    assertThat(copied.subList(0, 2)).isEqualTo(PersonalizationFixtures.rawDosTimes(source));
    int purchase = (2026 - 1980) << 25 | 3 << 21 | 4 << 16 | 5 << 11 | 6 << 5 | 7 >> 1; // 2026-03-04T05:06:06
    assertThat(copied.subList(2, 6)).containsOnly(purchase);
  }

  @Test
  void refusesEntryNamesThatEscapeTheExtractionDirectory() throws Exception {
    for (String name : List.of("../evil.sh", "docs/../../evil.sh", "/etc/cron.d/evil", "C:/evil.bat",
        "docs\\..\\..\\evil.bat")) {
      Path source = PersonalizationFixtures.zipWithEntry(dir, name);

      assertThatThrownBy(() -> PersonalizedArchive.write(source, "p.zip", aliceLicense(), dir.resolve("c.zip")))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escapes");
    }
  }

  @Test
  void refusesToPersonalizeAPersonalizedCopy() throws Exception {
    Path copy = dir.resolve("copy.zip");
    PersonalizedArchive.write(PersonalizationFixtures.productZip(dir, false), "p.zip", aliceLicense(), copy);

    assertThatThrownBy(() -> PersonalizedArchive.write(copy, "p.zip", PersonalizationFixtures.bobLicense(),
        dir.resolve("copy-of-copy.zip")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("personalized copy");
  }

  @Test
  void refusesAnUnsignedLicense() {
    License l = aliceLicense();
    License unsigned = new License(l.licenseId(), l.productId(), l.transferId(), l.buyer(), l.seller(), l.title(),
        l.purchasedAt(), l.paymentRef(), l.terms(), l.sellerKeyId(), "");

    assertThatThrownBy(() -> PersonalizedArchive.write(dir, "p", unsigned, dir.resolve("c.zip")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not signed");
  }

  interface IoAction {
    void run() throws IOException;
  }

  static void inTimeZone(String zone, IoAction action) throws IOException {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try {
      action.run();
    } finally {
      TimeZone.setDefault(original);
    }
  }

  private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  /** The first {@code count} entries' names and raw (still compressed) data, read with commons-compress. */
  private static List<String> rawEntries(Path zip, int count) throws IOException {
    try (var file = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get()) {
      return Collections.list(file.getEntries()).stream().limit(count).map((ZipArchiveEntry entry) -> {
        try (InputStream raw = file.getRawInputStream(entry)) {
          return entry.getName() + ":" + Base64.getEncoder().encodeToString(raw.readAllBytes());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
