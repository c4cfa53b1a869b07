package ai.ailock.distribution.storage.jdbc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox's pending messages, oldest first, and marks those the publisher accepted published together,
 * in one statement at the end of the run (one commit per run instead of one per message). A crash between publishing
 * and marking publishes that run's messages again on the next run: delivery is at least once, and consumers drop
 * duplicates by message id. When a publish fails, the message is kept (attempt and error recorded)
 * and later messages with the same key (transfer) wait, so each transfer's messages arrive in order. A run holds the
 * {@link RelayLock}: relays of several instances sharing the database never run at once (a run that finds the lock
 * taken publishes nothing), so no message is published twice by two relays and per-key order holds.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcOutbox outbox;
  private final RelayLock lock;
  private final Consumer<JdbcOutbox.Pending> publisher;

  /** @param publisher hands a message to the transport; returns once it was accepted, throws if it was not */
  public OutboxRelay(JdbcOutbox outbox, RelayLock lock, Consumer<JdbcOutbox.Pending> publisher) {
    this.outbox = outbox;
    this.lock = lock;
    this.publisher = publisher;
  }

  /**
   * @return how many messages were published in this run (at most {@code limit} are read); 0 as well when another
   *     relay is running
   */
  public int relay(int limit) {
    return lock.tryRun(() -> publish(limit)).orElse(0);
  }

  private int publish(int limit) {
    List<Long> published = new ArrayList<>();
    Set<String> blocked = new HashSet<>();
    for (JdbcOutbox.Pending message : outbox.pending(limit)) {
      if (blocked.contains(message.key())) {
        continue;
      }
      try {
        publisher.accept(message);
      } catch (RuntimeException e) {
        blocked.add(message.key());
        outbox.markFailed(message.sequence(), e.getClass().getSimpleName() + ": " + e.getMessage());
        LOG.warn("outbox message {} ({}) not published, attempt {}: {}", message.messageId(), message.type(),
            message.attempts() + 1, e.toString());
        continue;
      }
      published.add(message.sequence());
    }
    outbox.markPublished(published);
    return published.size();
  }
}
