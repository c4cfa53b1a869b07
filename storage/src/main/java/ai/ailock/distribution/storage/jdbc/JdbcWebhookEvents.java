package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.payment.WebhookEvents;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link WebhookEvents} on {@code dist_webhook_events}. {@link #claim} inserts the event id; inside a transaction, a
 * concurrent claim of the same id waits on the first one's uncommitted row and, once it commits, finds the conflict.
 */
public final class JdbcWebhookEvents implements WebhookEvents {
  private final JdbcClient jdbc;

  public JdbcWebhookEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(String eventId, String type, Instant at) {
    return jdbc.sql("""
            INSERT INTO dist_webhook_events (event_id, type, outcome, received_at) VALUES (?, ?, 'processing', ?)
            ON CONFLICT (event_id) DO NOTHING""")
        .params(eventId, type, Timestamps.of(at)).update() == 1;
  }

  @Override
  public void settle(String eventId, @Nullable TransferId transfer, String outcome) {
    jdbc.sql("UPDATE dist_webhook_events SET transfer_id = ?, outcome = ? WHERE event_id = ?")
        .params(transfer == null ? null : transfer.value(), outcome, eventId).update();
  }
}
