package ai.ailock.distribution.client.personalize;

import java.util.regex.Pattern;

/** Rules for the names of entries in personalized copies. Stateless. */
final class EntryNames {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
  private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]");
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"|?*]");
  private static final int MAX_FILE_NAME = 255;

  private EntryNames() {}

  /**
   * @return whether extracting an entry of this name could write outside the target directory: an absolute path
   *     ({@code /}, {@code \}, a drive letter), a {@code ..} segment (either separator), or a NUL
   */
  static boolean escapes(String name) {
    if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches() || name.indexOf('\0') >= 0) {
      return true;
    }
    for (String segment : SEPARATOR.split(name, -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return {@code name} as a plain file name: its last path segment, control and Windows-reserved characters
   *     replaced by {@code _}, surrounding spaces and trailing dots removed, at most 255 characters; {@code file}
   *     if nothing is left
   */
  static String plainFileName(String name) {
    String[] segments = SEPARATOR.split(name, -1);
    String plain = UNSAFE.matcher(segments[segments.length - 1]).replaceAll("_").strip();
    if (plain.length() > MAX_FILE_NAME) {
      int cut = Character.isLowSurrogate(plain.charAt(MAX_FILE_NAME)) ? MAX_FILE_NAME - 1 : MAX_FILE_NAME;
      plain = plain.substring(0, cut).strip();
    }
    while (plain.endsWith(".")) {
      plain = plain.substring(0, plain.length() - 1).strip();
    }
    return plain.isEmpty() ? "file" : plain;
  }
}
