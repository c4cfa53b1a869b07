package ai.ailock.distribution.engine.identity;

import java.time.Instant;

/**
 * What is bound to one of an Ailock's keys and dies with it: claims issued to the key and not yet redeemed, and the
 * download sessions they opened that have not completed. A retired key cannot sign requests, so these could never be
 * used again; ending them frees the download budget they hold. Implementations take part in the caller's transaction.
 */
public interface KeyBoundAccess {

  /** Revokes the key's open claims and running download sessions at {@code at}. @return how many were revoked */
  int endAccessBoundTo(KeyId key, Instant at);
}
