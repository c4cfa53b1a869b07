package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.manifest.ProductMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Judges a download's plaintext before it is released (plan §8 malware and moderation checks; docs/content.md). Under
 * end-to-end encryption only the recipient can scan: the {@link Downloader} calls the scanner on the verified,
 * still-private temporary file, and a finding keeps the file from appearing ({@link ContentRejectedException}). Plug in
 * an antivirus engine (for example clamd over its socket) or a moderation model; {@link #NONE} accepts everything.
 */
@FunctionalInterface
public interface ContentScanner {

  /** Accepts every file. */
  ContentScanner NONE = (plaintext, metadata) -> Verdict.CLEAN;

  /**
   * @param plaintext the decrypted file, verified against its hash; read it, do not move or change it
   * @param metadata the file's name, type and size as the seller stated them
   */
  Verdict scan(Path plaintext, ProductMetadata metadata) throws IOException;

  /**
   * @param finding what was found (a signature name, a reason), empty when clean
   * @param kind {@code malware} or {@code abuse}, as a report names it; empty when clean
   */
  record Verdict(boolean clean, String kind, String finding) {
    public static final Verdict CLEAN = new Verdict(true, "", "");

    public static Verdict malware(String finding) {
      return new Verdict(false, "malware", finding);
    }

    public static Verdict abuse(String finding) {
      return new Verdict(false, "abuse", finding);
    }
  }
}
