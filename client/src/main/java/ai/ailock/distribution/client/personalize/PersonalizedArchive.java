package ai.ailock.distribution.client.personalize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Writes a buyer's personalized copy of a product: a ZIP that carries the signed {@link License} three times (the
 * archive comment, {@value #LICENSE_JSON}, the block at the end of LICENSE.txt) and its fingerprint in every
 * entry's comment, which survives the archive comment being stripped. {@link LeakTrace} reads them back.
 *
 * <p>A source that is a ZIP is <em>augmented</em>: every entry is copied raw, in central directory order (name,
 * data, CRC, method, extra fields and DOS date-time as stored; never recompressed), then LICENSE.txt and
 * {@value #LICENSE_JSON} are added. Any other source is <em>wrapped</em>: a new ZIP holds it STORED (its bytes
 * unchanged) under its plain file name, then the same two entries. A ZIP is also wrapped, whole and unchanged, when
 * a raw copy would lose or cannot carry part of it: bytes before its first entry (a self-extractor's stub, a launch
 * script) or an entry that is encrypted or compressed with a method commons-compress does not support.
 *
 * <p>Deterministic: the same source and license give the same bytes, whatever the clock, time zone or platform.
 * Added entries are dated {@link License#purchasedAt()} (as UTC wall-clock DOS fields). A retried personalization
 * therefore reproduces the copy, provided it signs the same license (same {@code license_id} and
 * {@code purchased_at}). Streams: memory use does not grow with the product. Stateless and thread-safe.
 *
 * <p>The marks are metadata of the container, not of the content: someone who extracts the files and zips them
 * again drops all but LICENSE.txt and {@value #LICENSE_JSON}, and can delete those too. They name a careless
 * leak; they do not stop a deliberate one.
 */
public final class PersonalizedArchive {
  /** The content type of every personalized copy. */
  public static final String CONTENT_TYPE = "application/zip";
  /** The name of the added LICENSE.txt, unless the source has one at its root. */
  public static final String LICENSE_TEXT = "LICENSE.txt";
  /** The name of the added LICENSE.txt when the source has a root LICENSE.txt of its own. */
  public static final String ALTERNATE_LICENSE_TEXT = "LICENSE-AILOCK.txt";
  /** The entry holding {@link License#canonicalBytes()}. */
  public static final String LICENSE_JSON = ".ailock/license.json";
  /** The archive comment is this prefix followed by base64url (no padding) of {@link License#canonicalBytes()}. */
  public static final String ARCHIVE_COMMENT_PREFIX = License.FORMAT + " ";
  /** Every entry's comment is this prefix followed by {@link License#fingerprint()}. */
  public static final String ENTRY_COMMENT_PREFIX = "ailock:";

  /** How the copy was made. */
  public enum Kind {
    /** The source was a ZIP; its entries were copied raw and the license entries added. */
    AUGMENTED,
    /** The source was put, unchanged, into a new ZIP with the license entries. */
    WRAPPED
  }

  /**
   * What {@link #write} wrote.
   *
   * @param kind whether the source was augmented or wrapped
   * @param entryCount the number of entries in the copy, the added ones included
   * @param licenseEntry the name of the added LICENSE.txt: {@value PersonalizedArchive#LICENSE_TEXT} or
   *     {@value PersonalizedArchive#ALTERNATE_LICENSE_TEXT}
   * @param fingerprint the license's {@link License#fingerprint()}, as every entry's comment carries it
   */
  public record Result(Kind kind, int entryCount, String licenseEntry, String fingerprint) {}

  private PersonalizedArchive() {}

  /**
   * Writes the personalized copy of {@code source} to {@code target}.
   *
   * @param source the product's plaintext; read, never modified
   * @param sourceFileName the product's file name; names the file in a wrapped copy, reduced to a plain file name
   * @param license the signed license of this purchase
   * @param target where to write, created or truncated; the caller renames it into place. After an exception it
   *     may hold a partial file, which the caller deletes
   * @throws IllegalArgumentException if the license is unsigned, or the source is a ZIP with an entry whose name
   *     escapes the extraction directory ({@code ..}, an absolute path), that already holds {@value #LICENSE_JSON}
   *     (a copy of a copy), or that holds both {@value #LICENSE_TEXT} and {@value #ALTERNATE_LICENSE_TEXT}
   * @throws IOException if reading the source or writing the target fails
   */
  public static Result write(Path source, String sourceFileName, License license, Path target) throws IOException {
    if (license.signature().isEmpty()) {
      throw new IllegalArgumentException("the license is not signed");
    }
    Optional<ZipFile> zip = openZip(source);
    if (zip.isPresent()) {
      try (ZipFile archive = zip.get()) {
        if (copiesRaw(archive)) {
          return augment(archive, source, license, target);
        }
      }
    }
    return wrap(source, sourceFileName, license, target);
  }

  private static Result augment(ZipFile archive, Path source, License license, Path target) throws IOException {
    List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
    String licenseEntry = licenseEntryBeside(entries);
    String watermark = ENTRY_COMMENT_PREFIX + license.fingerprint();
    try (FileChannel sourceChannel = FileChannel.open(source); ZipWriter writer = ZipWriter.create(target)) {
      for (ZipArchiveEntry entry : entries) {
        int dosTime = DosTimes.read(sourceChannel, entry.getLocalHeaderOffset());
        entry.setComment(watermark);
        writer.copyRaw(entry, archive, dosTime);
      }
      return finish(writer, Kind.AUGMENTED, license, licenseEntry);
    }
  }

  private static Result wrap(Path source, String sourceFileName, License license, Path target) throws IOException {
    String name = EntryNames.plainFileName(sourceFileName);
    String licenseEntry = name.equalsIgnoreCase(LICENSE_TEXT) ? ALTERNATE_LICENSE_TEXT : LICENSE_TEXT;
    try (InputStream content = Files.newInputStream(source); ZipWriter writer = ZipWriter.create(target)) {
      writer.addStored(name, Files.size(source), content, ENTRY_COMMENT_PREFIX + license.fingerprint(),
          license.purchasedInstant());
      return finish(writer, Kind.WRAPPED, license, licenseEntry);
    }
  }

  private static Result finish(ZipWriter writer, Kind kind, License license, String licenseEntry)
      throws IOException {
    String watermark = ENTRY_COMMENT_PREFIX + license.fingerprint();
    writer.addStored(licenseEntry, LicenseText.render(license).getBytes(StandardCharsets.UTF_8), watermark,
        license.purchasedInstant());
    writer.addStored(LICENSE_JSON, license.canonicalBytes(), watermark, license.purchasedInstant());
    writer.finish(ARCHIVE_COMMENT_PREFIX
        + Base64.getUrlEncoder().withoutPadding().encodeToString(license.canonicalBytes()));
    return new Result(kind, writer.entryCount(), licenseEntry, license.fingerprint());
  }

  /** @return the source as a ZIP, or empty if it is not a readable one (commons-compress finds no central directory) */
  private static Optional<ZipFile> openZip(Path source) throws IOException {
    Files.size(source); // a missing source is an error, not "not a ZIP"
    try {
      return Optional.of(ZipFile.builder().setPath(source).get());
    } catch (IOException notAZip) {
      return Optional.empty();
    }
  }

  /** @return whether the raw copy keeps every byte that matters: no preamble, only entries it can copy */
  private static boolean copiesRaw(ZipFile archive) {
    boolean startsWithAnEntry = archive.getFirstLocalFileHeaderOffset() == 0;
    long firstEntry = Long.MAX_VALUE;
    for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
      if (!archive.canReadEntryData(entry)) {
        return false;
      }
      firstEntry = Math.min(firstEntry, entry.getLocalHeaderOffset());
    }
    return startsWithAnEntry && (firstEntry == 0 || firstEntry == Long.MAX_VALUE);
  }

  /**
   * @return the name for our LICENSE.txt among {@code entries}
   * @throws IllegalArgumentException if the archive cannot be personalized (see {@link #write})
   */
  private static String licenseEntryBeside(List<ZipArchiveEntry> entries) {
    boolean hasLicenseText = false;
    boolean hasAlternate = false;
    for (ZipArchiveEntry entry : entries) {
      String name = entry.getName();
      if (EntryNames.escapes(name)) {
        throw new IllegalArgumentException(
            "the archive has an entry whose name escapes the extraction directory: " + name);
      }
      if (name.equalsIgnoreCase(LICENSE_JSON)) {
        throw new IllegalArgumentException("the archive already holds " + LICENSE_JSON
            + ": it is a personalized copy; personalize the original product instead");
      }
      hasLicenseText |= name.equalsIgnoreCase(LICENSE_TEXT);
      hasAlternate |= name.equalsIgnoreCase(ALTERNATE_LICENSE_TEXT);
    }
    if (hasLicenseText && hasAlternate) {
      throw new IllegalArgumentException(
          "the archive already holds both " + LICENSE_TEXT + " and " + ALTERNATE_LICENSE_TEXT);
    }
    return hasLicenseText ? ALTERNATE_LICENSE_TEXT : LICENSE_TEXT;
  }
}
