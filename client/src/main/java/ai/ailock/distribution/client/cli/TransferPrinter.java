package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.commerce.TransferInfo;
import java.io.PrintWriter;
import java.util.Locale;

/** How the commerce commands print a transfer. */
final class TransferPrinter {
  private TransferPrinter() {}

  static void print(PrintWriter out, TransferInfo t) {
    out.println("Transfer:  " + t.transferId() + " (" + t.state() + ")");
    out.println("Product:   " + t.productId() + ", seller " + t.seller() + ", recipient " + t.recipient());
    out.println("Price:     " + money(t.amount(), t.currency()));
    if (!t.missingPrePayment().isEmpty()) {
      out.println("Missing before payment: " + String.join(", ", t.missingPrePayment()));
    }
    if (!t.missingPostPayment().isEmpty()) {
      out.println("Missing after payment:  " + String.join(", ", t.missingPostPayment()));
    }
    if (!t.buyerInputs().isEmpty()) {
      out.println("Inputs:    " + String.join(", ", t.buyerInputs().keySet()));
      t.buyerInputs().forEach((id, value) -> out.println("  " + id + " = " + oneLine(value, 80)));
    }
    if (t.paymentStatus() != null) {
      out.println("Payment:   " + t.paymentStatus() + (t.checkoutUrl() != null && "open".equals(t.paymentStatus())
          ? " at " + t.checkoutUrl() : ""));
    }
    out.println("Expires:   " + t.json().path("expires_at").asString());
  }

  /**
   * The buyer wrote the text: control characters (a terminal's escape sequences, line breaks) become spaces, and
   * what is longer than {@code max} characters is cut with an ellipsis.
   */
  static String oneLine(String text, int max) {
    var line = new StringBuilder(Math.min(text.length(), max + 1));
    text.codePoints().limit(max + 1L).forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return line.codePointCount(0, line.length()) > max
        ? line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…" : line.toString();
  }

  static String money(long amount, String currency) {
    return String.format(Locale.ROOT, "%d.%02d %s", amount / 100, amount % 100, currency.toUpperCase(Locale.ROOT));
  }
}
