package ai.ailock.distribution.engine.messaging;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which inbound messages (interactions, batch operations) were processed and what was answered, so a
 * duplicate replays the stored outcome instead of acting twice. Keys are namespaced by the caller
 * ({@code inbox:<sender>:<message id>}, {@code batch:<caller>:<op id>}). Used inside the caller's transaction.
 */
public interface ProcessedMessages {

  /**
   * Claims {@code key} for processing. Inside a transaction, a concurrent claim of the same key waits until the first
   * one commits or rolls back.
   *
   * @return true if this call claimed it; false if it was already processed
   */
  boolean claim(String key, Instant at);

  /** Stores the outcome (JSON) of a key claimed in the same transaction. */
  void settle(String key, String outcomeJson);

  /** @return the stored outcome (JSON) of a processed key */
  Optional<String> outcome(String key);
}
