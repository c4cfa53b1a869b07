package ai.ailock.distribution.engine.content;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a buyer found in the content it received: malware (its scanner's finding) or abuse (content that breaks the
 * rules: moderation). Recorded against the product the transfer offered, which it quarantines while the report is
 * open, that is until a reviewer clears it.
 *
 * @param product the product the transfer offered (a personalized copy's source)
 * @param transfer the id of the transfer the content came with (a plain id here: transfers build on products)
 * @param detail the finding, at most 1000 characters (a scanner's signature name, a moderator's reason)
 * @param clearance the review that cleared the report, or null while it is open
 */
public record ContentReport(UUID id, ProductId product, UUID transfer, AilockId reporter, Kind kind,
    String detail, Instant at, @Nullable Clearance clearance) {

  /**
   * A reviewer's decision that a report no longer holds its product back (the finding was a false positive, or the
   * seller fixed the content), with the reason, at most 1000 characters, kept for the audit.
   */
  public record Clearance(AilockId reviewer, String reason, Instant at) {
    public Clearance {
      if (reason.isBlank() || reason.length() > 1000) {
        throw new IllegalArgumentException("a clearance's reason has 1 to 1000 characters");
      }
    }
  }

  /** What was found. */
  public enum Kind {
    MALWARE,
    ABUSE;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code malware} or {@code abuse} */
    public static Kind fromWire(String wire) {
      return switch (wire) {
        case "malware" -> MALWARE;
        case "abuse" -> ABUSE;
        default -> throw new IllegalArgumentException("unknown kind " + wire);
      };
    }
  }

  public ContentReport {
    if (detail.length() > 1000) {
      throw new IllegalArgumentException("a report's detail has at most 1000 characters");
    }
  }

  /** A new, open report. */
  public ContentReport(UUID id, ProductId product, UUID transfer, AilockId reporter, Kind kind, String detail,
      Instant at) {
    this(id, product, transfer, reporter, kind, detail, at, null);
  }

  /** @return whether the report still quarantines its product */
  public boolean open() {
    return clearance == null;
  }

  public ContentReport cleared(Clearance by) {
    return new ContentReport(id, product, transfer, reporter, kind, detail, at, by);
  }
}
