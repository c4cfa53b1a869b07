package ai.ailock.distribution.engine.attachment;

import java.util.Locale;

/** Matches a declared media type against an allow-list entry: exact ({@code image/png}) or a whole type ({@code image/*}). */
final class MediaTypes {
  private MediaTypes() {}

  static boolean matches(String pattern, String contentType) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    if (semicolon >= 0) {
      type = type.substring(0, semicolon).trim();
    }
    if (p.endsWith("/*")) {
      return type.startsWith(p.substring(0, p.length() - 1)) && type.length() > p.length() - 1;
    }
    return p.equals(type);
  }
}
