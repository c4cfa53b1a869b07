package ai.ailock.distribution.storage.jdbc;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox's pending messages, oldest first, and marks each published once the publisher returned. A crash
 * between publishing and marking publishes the message again on the next run: delivery is at least once, and
 * consumers drop duplicates by message id. When a publish fails, the message is kept (attempt and error recorded)
 * and later messages with the same key (transfer) wait, so each transfer's messages arrive in order. Run one relay
 * per database (a single scheduled thread); it is not safe to run two concurrently.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcOutbox outbox;
  private final Consumer<JdbcOutbox.Pending> publisher;

  /** @param publisher hands a message to the transport; throws if it was not accepted */
  public OutboxRelay(JdbcOutbox outbox, Consumer<JdbcOutbox.Pending> publisher) {
    this.outbox = outbox;
    this.publisher = publisher;
  }

  /** @return how many messages were published in this run (at most {@code limit} are read) */
  public int relay(int limit) {
    int published = 0;
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
      outbox.markPublished(message.sequence());
      published++;
    }
    return published;
  }
}
