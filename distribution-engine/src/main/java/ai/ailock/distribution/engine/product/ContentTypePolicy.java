package ai.ailock.distribution.engine.product;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.schemas.Violation;
import java.util.List;
import java.util.Locale;

/**
 * Which declared content types a product may have (plan §8: a content-type allowlist and denylist). Entries are exact
 * media types ({@code application/zip}) or whole families ({@code audio/*}); a denied entry wins over an allowed one.
 * The service never sees the plaintext, so this judges the seller's declaration; the real type travels in the
 * encrypted metadata, which the buyer's SDK reports. Immutable and thread-safe.
 *
 * @param allowed types a product may declare; empty allows every type not denied
 * @param denied types refused even when allowed
 */
public record ContentTypePolicy(List<String> allowed, List<String> denied) {

  /** Native executables, installers and shell scripts: what an agent must never be handed unscanned by default. */
  public static final List<String> EXECUTABLES = List.of("application/x-msdownload",
      "application/vnd.microsoft.portable-executable", "application/x-msdos-program", "application/x-dosexec",
      "application/x-msi", "application/x-ms-installer", "application/x-executable", "application/x-elf",
      "application/x-mach-binary", "application/x-sharedlib", "application/x-sh", "application/x-csh",
      "application/x-bat", "application/x-apple-diskimage");

  public ContentTypePolicy {
    allowed = allowed.stream().map(ContentTypePolicy::normalised).toList();
    denied = denied.stream().map(ContentTypePolicy::normalised).toList();
  }

  /** @return every family allowed, executables denied */
  public static ContentTypePolicy defaults() {
    return new ContentTypePolicy(List.of(), EXECUTABLES);
  }

  /**
   * @param pointer where the type is in the request, for the violation
   * @throws DistributionException {@code content_type_not_allowed} if denied or not allowed
   */
  public void check(String contentType, String pointer) {
    String type = normalised(contentType);
    boolean refused = denied.stream().anyMatch(entry -> matches(entry, type))
        || (!allowed.isEmpty() && allowed.stream().noneMatch(entry -> matches(entry, type)));
    if (refused) {
      throw new DistributionException(ErrorCode.CONTENT_TYPE_NOT_ALLOWED, "products of type " + type
          + " are not accepted here", List.of(new Violation(pointer, "content type not allowed")));
    }
  }

  private static boolean matches(String entry, String type) {
    return entry.endsWith("/*") ? type.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(type);
  }

  private static String normalised(String type) {
    int parameters = type.indexOf(';');
    return (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }
}
