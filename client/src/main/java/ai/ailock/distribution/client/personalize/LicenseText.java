package ai.ailock.distribution.client.personalize;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The LICENSE.txt of a personalized copy: the license in words for people, then the signed license itself for
 * {@link LeakTrace}, as base64url (no padding) of {@link License#canonicalBytes()} wrapped at 76 characters between
 * {@value #BEGIN} and {@value #END}. UTF-8, LF line ends. Stateless and thread-safe.
 */
public final class LicenseText {
  public static final String BEGIN = "-----BEGIN AILOCK LICENSE-----";
  public static final String END = "-----END AILOCK LICENSE-----";
  private static final int LINE_LENGTH = 76;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private LicenseText() {}

  /** @return the LICENSE.txt of a copy personalized under {@code license} */
  public static String render(License license) {
    var text = new StringBuilder(4096)
        .append("LICENSE\n\n")
        .append('"').append(license.title()).append("\" is licensed to the Ailock ").append(license.buyer())
        .append(".\n\n")
        .append("Licensed to:  ").append(license.buyer()).append(" (Ailock id)\n")
        .append("Licensed by:  ").append(license.seller()).append(" (Ailock id), key ")
        .append(license.sellerKeyId()).append('\n')
        .append("Product:      ").append(license.title()).append('\n')
        .append("Product id:   ").append(license.productId()).append('\n')
        .append("Transfer id:  ").append(license.transferId()).append('\n')
        .append("Purchased:    ").append(license.purchasedAt()).append('\n');
    if (!license.paymentRef().isEmpty()) {
      text.append("Payment ref:  ").append(license.paymentRef()).append('\n');
    }
    text.append("License id:   ").append(license.licenseId()).append("\n\n")
        .append("TERMS\n\n").append(license.terms()).append("\n\n")
        .append("This copy was personalized for the buyer named above and is traceable to this purchase: the\n")
        .append("signed license below, the archive comment and every entry's comment identify it.\n\n")
        .append("Fingerprint:  ").append(license.fingerprint()).append("\n\n")
        .append("The license, signed by the seller (").append(License.FORMAT)
        .append(", base64url of its RFC 8785 form):\n")
        .append(BEGIN).append('\n');
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(license.canonicalBytes());
    for (int i = 0; i < encoded.length(); i += LINE_LENGTH) {
      text.append(encoded, i, Math.min(encoded.length(), i + LINE_LENGTH)).append('\n');
    }
    return text.append(END).append('\n').toString();
  }

  /**
   * Reads the signed license back from a LICENSE.txt: the last {@value #BEGIN} block, any whitespace (CRLF line
   * ends included) ignored. Does not verify it: call {@link License#verify}.
   *
   * @return the license, or empty if the text holds no well-formed block
   */
  public static Optional<License> extract(String text) {
    int begin = text.lastIndexOf(BEGIN);
    int end = begin < 0 ? -1 : text.indexOf(END, begin);
    if (end < 0) {
      return Optional.empty();
    }
    String encoded = WHITESPACE.matcher(text.substring(begin + BEGIN.length(), end)).replaceAll("");
    try {
      return Optional.of(License.parse(Base64.getUrlDecoder().decode(encoded)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
