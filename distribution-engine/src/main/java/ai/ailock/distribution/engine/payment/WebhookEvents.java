package ai.ailock.distribution.engine.payment;

import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The payment events already processed, by the provider's event id ({@code dist_webhook_events}). Used inside the
 * transaction that applies an event, so an event is applied at most once: a concurrent duplicate waits on the first
 * one's row and then finds it.
 */
public interface WebhookEvents {

  /** @return true if this call recorded the event; false if it was processed before (a duplicate) */
  boolean claim(String eventId, String type, Instant at);

  /** Records how a claimed event was settled. */
  void settle(String eventId, @Nullable TransferId transfer, String outcome);
}
