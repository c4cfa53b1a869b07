package ai.ailock.distribution.client.transfer;

import java.security.GeneralSecurityException;

/** The {@link ContentScanner} found malware or abuse in a download; no file was left. */
public final class ContentRejectedException extends GeneralSecurityException {
  private final ContentScanner.Verdict verdict;

  public ContentRejectedException(ContentScanner.Verdict verdict) {
    super("the content was rejected (" + verdict.kind() + "): " + verdict.finding());
    this.verdict = verdict;
  }

  public ContentScanner.Verdict verdict() {
    return verdict;
  }
}
