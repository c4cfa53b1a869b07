package ai.ailock.distribution.server.inbox;

import ai.ailock.distribution.storage.jdbc.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox relay into the in-process inbox: on a short interval and before each poll (so a poll sees every
 * committed message). One relay per node; the single-node default has one node.
 */
public final class InboxRelay {
  private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);
  private static final int BATCH = 200;

  private final OutboxRelay relay;

  public InboxRelay(OutboxRelay relay) {
    this.relay = relay;
  }

  /** Publishes every pending message now. */
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
