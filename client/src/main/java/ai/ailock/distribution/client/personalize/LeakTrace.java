package ai.ailock.distribution.client.personalize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads a leaked file back to its purchase: the marks {@link PersonalizedArchive} leaves, in the order of how much
 * of the license each keeps: the archive comment, then {@value PersonalizedArchive#LICENSE_JSON}, then the block of
 * a LICENSE*.txt; besides, the fingerprints in the entries' comments. The license entries are also looked for
 * in folders, as in a copy that was extracted and zipped again. A file that is not a ZIP is read as a LICENSE.txt
 * on its own (up to 1 MiB). Damaged or unreadable marks are skipped, not reported. Stateless and thread-safe.
 */
public final class LeakTrace {
  private static final int MAX_LICENSE_JSON = 64 * 1024;
  private static final int MAX_LICENSE_TEXT = 1024 * 1024;
  private static final int MAX_LICENSE_ENTRIES = 32;
  private static final Pattern ENTRY_WATERMARK =
      Pattern.compile(Pattern.quote(PersonalizedArchive.ENTRY_COMMENT_PREFIX) + "([0-9a-f]{32})");
  private static final Pattern LICENSE_JSON_NAME = Pattern.compile("(?i)(.*/)?\\.ailock/license\\.json");
  private static final Pattern LICENSE_TEXT_NAME = Pattern.compile("(?i)(.*/)?LICENSE[^/]*\\.txt");

  /** Where the license was found; {@link #ENTRY_COMMENTS} when only fingerprints were. */
  public enum FoundIn {
    /** The archive comment: {@value PersonalizedArchive#ARCHIVE_COMMENT_PREFIX} and the license, base64url. */
    ARCHIVE_COMMENT,
    /** An entry {@value PersonalizedArchive#LICENSE_JSON}, at the root or in a folder. */
    LICENSE_JSON,
    /** The block of a LICENSE*.txt entry, or of a file that is not a ZIP. */
    LICENSE_TEXT,
    /** Nowhere: only fingerprints were found, in entry comments. */
    ENTRY_COMMENTS
  }

  /**
   * What a file tells about its purchase.
   *
   * @param license the license found first in the order above, or null if only fingerprints were found; not
   *     verified
   * @param foundIn where {@code license} was found, or {@link FoundIn#ENTRY_COMMENTS} if it is null
   * @param fingerprints every fingerprint seen: in entry comments, and of every license found (wherever found)
   */
  public record Trace(@Nullable License license, FoundIn foundIn, Set<String> fingerprints) {
    /** @throws IllegalArgumentException if {@code license} is null exactly when {@code foundIn} does not say so */
    public Trace {
      if ((license == null) != (foundIn == FoundIn.ENTRY_COMMENTS)) {
        throw new IllegalArgumentException("a trace without a license is found in entry comments only");
      }
      fingerprints = Collections.unmodifiableSortedSet(new TreeSet<>(fingerprints));
    }

    /**
     * @return whether the license verifies under the seller's key and every fingerprint seen is the license's: an
     *     archive spliced from two buyers' copies, or a license altered in one place, shows up as mixed
     *     fingerprints and returns false
     */
    public boolean verifiedBy(byte[] sellerEd25519PublicKey) {
      if (license == null) {
        return false;
      }
      try {
        license.verify(sellerEd25519PublicKey);
      } catch (SignatureException e) {
        return false;
      }
      String fingerprint = license.fingerprint();
      return fingerprints.stream().allMatch(fingerprint::equals);
    }
  }

  private LeakTrace() {}

  /**
   * Reads what {@code file} tells about its purchase. Does not verify the license: see {@link Trace#verifiedBy}.
   *
   * @return the trace, or empty if the file carries no license and no fingerprint
   * @throws IOException if the file cannot be read
   */
  public static Optional<Trace> read(Path file) throws IOException {
    Map<FoundIn, License> licenses = new EnumMap<>(FoundIn.class);
    SortedSet<String> fingerprints = new TreeSet<>();
    Optional<ZipFile> zip = openZip(file);
    if (zip.isEmpty()) {
      if (Files.size(file) <= MAX_LICENSE_TEXT) {
        fromText(Files.readAllBytes(file))
            .ifPresent(license -> found(FoundIn.LICENSE_TEXT, license, licenses, fingerprints));
      }
    } else {
      try (ZipFile archive = zip.get()) {
        ArchiveComment.read(file).flatMap(LeakTrace::fromArchiveComment)
            .ifPresent(license -> found(FoundIn.ARCHIVE_COMMENT, license, licenses, fingerprints));
        readEntries(archive, licenses, fingerprints);
      }
    }
    if (!licenses.isEmpty()) {
      Map.Entry<FoundIn, License> first = licenses.entrySet().iterator().next(); // EnumMap: in FoundIn order
      return Optional.of(new Trace(first.getValue(), first.getKey(), fingerprints));
    }
    return fingerprints.isEmpty() ? Optional.empty()
        : Optional.of(new Trace(null, FoundIn.ENTRY_COMMENTS, fingerprints));
  }

  private static void readEntries(ZipFile archive, Map<FoundIn, License> licenses, Set<String> fingerprints) {
    int licenseEntries = 0;
    for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
      String comment = entry.getComment();
      Matcher watermark = ENTRY_WATERMARK.matcher(comment == null ? "" : comment.strip());
      if (watermark.matches()) {
        fingerprints.add(watermark.group(1));
      }
      boolean json = LICENSE_JSON_NAME.matcher(entry.getName()).matches();
      boolean text = !json && LICENSE_TEXT_NAME.matcher(entry.getName()).matches();
      if ((json || text) && licenseEntries++ < MAX_LICENSE_ENTRIES) {
        Optional<License> license = json
            ? content(archive, entry, MAX_LICENSE_JSON).flatMap(LeakTrace::fromJson)
            : content(archive, entry, MAX_LICENSE_TEXT).flatMap(LeakTrace::fromText);
        FoundIn where = json ? FoundIn.LICENSE_JSON : FoundIn.LICENSE_TEXT;
        license.ifPresent(found -> found(where, found, licenses, fingerprints));
      }
    }
  }

  /** Keeps the first license found in each place, and the fingerprint of every license found. */
  private static void found(FoundIn where, License license, Map<FoundIn, License> licenses,
      Set<String> fingerprints) {
    licenses.putIfAbsent(where, license);
    fingerprints.add(license.fingerprint());
  }

  private static Optional<License> fromArchiveComment(String comment) {
    if (!comment.startsWith(PersonalizedArchive.ARCHIVE_COMMENT_PREFIX)) {
      return Optional.empty();
    }
    String encoded = comment.substring(PersonalizedArchive.ARCHIVE_COMMENT_PREFIX.length()).strip();
    return parsed(encoded, text -> License.parse(Base64.getUrlDecoder().decode(text)));
  }

  private static Optional<License> fromJson(byte[] json) {
    return parsed(json, License::parse);
  }

  private static Optional<License> fromText(byte[] text) {
    return LicenseText.extract(new String(text, StandardCharsets.UTF_8));
  }

  private static <T> Optional<License> parsed(T input, Function<T, License> parser) {
    try {
      return Optional.of(parser.apply(input));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** @return the entry's bytes, or empty if it is larger than {@code max} or cannot be read */
  private static Optional<byte[]> content(ZipFile archive, ZipArchiveEntry entry, int max) {
    if (!archive.canReadEntryData(entry)) {
      return Optional.empty();
    }
    try (InputStream in = archive.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? Optional.empty() : Optional.of(bytes);
    } catch (IOException damaged) {
      return Optional.empty();
    }
  }

  private static Optional<ZipFile> openZip(Path file) throws IOException {
    Files.size(file); // a missing file is an error, not "not a ZIP"
    try {
      return Optional.of(ZipFile.builder().setPath(file).get());
    } catch (IOException notAZip) {
      return Optional.empty();
    }
  }
}
