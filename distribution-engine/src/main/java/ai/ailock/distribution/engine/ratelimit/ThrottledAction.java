package ai.ailock.distribution.engine.ratelimit;

import java.util.Locale;

/** The actions that draw on an Ailock's rate limits, each from a bucket of its own. */
public enum ThrottledAction {
  /** a delivery ticket (a fresh claim token) */
  TICKET,
  /** redeeming a claim token for a download session */
  CLAIM,
  /** acknowledging a delivery with a signed receipt */
  ACK,
  /** the seller revoking access */
  REVOKE,
  /** opening a dispute */
  DISPUTE;

  /** @return the stable name used in the database and in configuration, e.g. {@code claim} */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
