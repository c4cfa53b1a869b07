package ai.ailock.distribution.client.personalize;

import ai.ailock.distribution.client.AilockKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/** Licenses, source archives and the edits a leaker would make, for the personalization tests. */
final class PersonalizationFixtures {
  static final AilockKeys SELLER = AilockKeys.generate();
  static final Instant PURCHASED_AT = Instant.parse("2026-03-04T05:06:07.890Z");

  private PersonalizationFixtures() {}

  static License licenseFor(String buyer, String transferId) {
    return License.sign(UUID.nameUUIDFromBytes(transferId.getBytes(StandardCharsets.UTF_8)), "prod-42",
        transferId, buyer, "seller-ailock-7", "Field Guide to Rust \"Async\"", PURCHASED_AT, "pi_3PqR5sT",
        License.defaultTerms(), SELLER);
  }

  static License aliceLicense() {
    return licenseFor("buyer-alice", "0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e");
  }

  static License bobLicense() {
    return licenseFor("buyer-bob", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
  }

  /**
   * A product archive made by java.util.zip: deflated and stored files, a directory entry, a nested file, entry
   * comments, dates in 2024 and, unless {@code withLicenseText} is false, no LICENSE.txt.
   */
  static Path productZip(Path dir, boolean withLicenseText) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("README.md", "# Field guide\n\nRead me first.\n".getBytes(StandardCharsets.UTF_8));
    files.put("docs/", new byte[0]);
    files.put("docs/guide.txt", "All about async. ".repeat(2000).getBytes(StandardCharsets.UTF_8));
    files.put("bin/data.bin", randomBytes(50_000, 1));
    files.put("nested/deep/caf\u00e9.json", "{\"k\":\"v\"}".getBytes(StandardCharsets.UTF_8));
    if (withLicenseText) {
      files.put("LICENSE.txt", "MIT License\n\nThe seller's own terms.\n".getBytes(StandardCharsets.UTF_8));
    }
    Path zip = dir.resolve(withLicenseText ? "product-with-license.zip" : "product.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      int i = 0;
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        var entry = new ZipEntry(file.getKey());
        entry.setTimeLocal(LocalDateTime.of(2024, 5, 6, 7, 8, 10 + 2 * i++));
        entry.setComment("seller's comment " + i);
        if (file.getKey().endsWith(".bin") || file.getKey().endsWith("/")) {
          stored(entry, file.getValue());
        }
        out.putNextEntry(entry);
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  /** A ZIP, written under the given default time zone, whose entry has an extended timestamp unlike its DOS time. */
  static Path zipWithExtendedTimestamp(Path dir, String zone) throws IOException {
    Path zip = dir.resolve("extended-timestamp.zip");
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    try (var out = new ZipArchiveOutputStream(zip)) {
      var entry = new ZipArchiveEntry("notes.txt");
      entry.setLastModifiedTime(java.nio.file.attribute.FileTime.from(Instant.parse("2024-03-10T02:30:00Z")));
      out.putArchiveEntry(entry);
      out.write("notes".getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    } finally {
      TimeZone.setDefault(original);
    }
    return zip;
  }

  /** A ZIP behind a stub, as self-extracting archives are; the offsets count the stub. */
  static Path selfExtractingZip(Path dir) throws IOException {
    Path zip = dir.resolve("setup.exe");
    try (var out = new ZipArchiveOutputStream(zip)) {
      out.writePreamble("MZ stub of a self-extracting archive".getBytes(StandardCharsets.US_ASCII));
      out.putArchiveEntry(new ZipArchiveEntry("payload.txt"));
      out.write("payload".getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    }
    return zip;
  }

  static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /**
   * Copies {@code from} raw (entry comments included), keeping the entries {@code keep} accepts, with
   * {@code comment} as archive comment (none if null): what a leaker's re-pack looks like.
   */
  static Path repack(Path from, Path to, @Nullable String comment, Predicate<String> keep) throws IOException {
    try (ZipFile source = ZipFile.builder().setPath(from).get(); var out = new ZipArchiveOutputStream(to)) {
      for (ZipArchiveEntry entry : Collections.list(source.getEntries())) {
        if (keep.test(entry.getName())) {
          try (InputStream raw = source.getRawInputStream(entry)) {
            out.addRawArchiveEntry(entry, raw);
          }
        }
      }
      if (comment != null) {
        out.setComment(comment);
      }
    }
    return to;
  }

  /** Extracts {@code zip} and zips the files again under {@code folder/}, as with an unzip and a re-zip. */
  static Path extractedAndZippedAgain(Path zip, Path to, String folder) throws IOException {
    try (ZipFile source = ZipFile.builder().setPath(zip).get();
        var out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipArchiveEntry entry : Collections.list(source.getEntries())) {
        out.putNextEntry(new ZipEntry(folder + "/" + entry.getName()));
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return to;
  }

  /** A ZIP with one entry of this name, written by java.util.zip, which does not check names. */
  static Path zipWithEntry(Path dir, String name) throws IOException {
    Path zip = dir.resolve("one-entry.zip");
    try (OutputStream file = Files.newOutputStream(zip); var out = new ZipOutputStream(file)) {
      out.putNextEntry(new ZipEntry("fine.txt"));
      out.write(1);
      out.putNextEntry(new ZipEntry(name));
      out.write(2);
      out.closeEntry();
    }
    return zip;
  }

  /**
   * The DOS date-time fields of every entry, as stored: the central directory's, then the local header's, per
   * entry in central directory order (no ZIP64, as in these tests).
   */
  static List<Integer> rawDosTimes(Path zip) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
    int end = bytes.limit() - 22;
    while (bytes.getInt(end) != 0x06054b50) {
      end--;
    }
    List<Integer> times = new ArrayList<>();
    int record = bytes.getInt(end + 16);
    for (int i = 0; i < Short.toUnsignedInt(bytes.getShort(end + 10)); i++) {
      times.add(bytes.getInt(record + 12));
      times.add(bytes.getInt(bytes.getInt(record + 42) + 10));
      record += 46 + Short.toUnsignedInt(bytes.getShort(record + 28)) + Short.toUnsignedInt(bytes.getShort(record + 30))
          + Short.toUnsignedInt(bytes.getShort(record + 32));
    }
    return times;
  }

  /** Sets the "encrypted" flag of every entry, in local headers and central directory. */
  static Path markedEncrypted(Path zip) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 4 <= bytes.limit(); i++) {
      int signature = bytes.getInt(i);
      int flags = signature == 0x04034b50 ? i + 6 : signature == 0x02014b50 ? i + 8 : -1;
      if (flags >= 0) {
        bytes.putShort(flags, (short) (bytes.getShort(flags) | 1));
      }
    }
    return Files.write(zip, bytes.array());
  }

  private static void stored(ZipEntry entry, byte[] content) {
    var crc = new CRC32();
    crc.update(content);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCrc(crc.getValue());
  }
}
