package ai.ailock.distribution.server.inbox;

import ai.ailock.distribution.storage.jdbc.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox relay into the transport (the in-process inbox or the outbound Kafka topic) on a short interval,
 * and on demand ({@code inbox-poll} flushes first, so a poll sees every committed message). Every instance runs one;
 * the relay's lock lets one run at a time across instances sharing the database.
 */
public final class InboxRelay {
  private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);
  private static final int BATCH = 200;

  private final OutboxRelay relay;

  public InboxRelay(OutboxRelay relay) {
    this.relay = relay;
  }

  /** Publishes every pending message now (nothing if another instance's relay is running). */
  public synchronized void flush() {
    int published;
    do {
      published = relay.relay(BATCH);
    } while (published == BATCH);
  }

  @Scheduled(fixedDelayString = "${ailock.distribution.inbox.relay-interval:1s}")
  void scheduled() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("outbox relay failed; it runs again at the next interval", e);
    }
  }
}
