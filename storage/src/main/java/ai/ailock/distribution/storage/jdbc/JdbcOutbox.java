package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.transfer.Messenger;
import ai.ailock.distribution.engine.transfer.OutboundMessage;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactional outbox on {@code dist_outbox}: {@link #send} inserts the message in the caller's transaction (so it
 * exists if and only if the state change committed), with a fresh message id and the transfer id as its ordering key.
 * {@link OutboxRelay} publishes the pending rows afterwards.
 */
public final class JdbcOutbox implements Messenger {
  private final JdbcClient jdbc;
  private final Clock clock;

  public JdbcOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A stored message as the relay hands it on.
   *
   * @param sequence the row id: the order messages were written (per key, the order they must be delivered)
   * @param key the ordering key (the transfer id)
   */
  public record Pending(long sequence, UUID messageId, String key, String type, String recipient, String payloadJson,
      @Nullable String traceId, Instant createdAt, int attempts) {}

  @Override
  public void send(OutboundMessage message) {
    jdbc.sql("""
            INSERT INTO dist_outbox (message_id, aggregate_key, type, recipient_ailock_id, payload, trace_id, created_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)""")
        .params(UUID.randomUUID(), message.transfer().toString(), message.type(), message.recipient().value(),
            WireJson.mapper().writeValueAsString(message.payload()), message.traceId(),
            Timestamps.of(clock.instant()))
        .update();
  }

  /** @return up to {@code limit} unpublished messages, oldest first */
  public List<Pending> pending(int limit) {
    return jdbc.sql("""
            SELECT id, message_id, aggregate_key, type, recipient_ailock_id, payload::text AS payload, trace_id,
                   created_at, attempts
            FROM dist_outbox WHERE published_at IS NULL ORDER BY id LIMIT ?""")
        .param(limit)
        .query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("message_id", UUID.class),
            rs.getString("aggregate_key"), rs.getString("type"), rs.getString("recipient_ailock_id"),
            rs.getString("payload"), rs.getString("trace_id"), Timestamps.readRequired(rs, "created_at"),
            rs.getInt("attempts")))
        .list();
  }

  /** Marks the messages published, in one statement (one commit for a whole relay run). */
  public void markPublished(List<Long> sequences) {
    if (sequences.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE dist_outbox SET published_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ANY(?)")
        .params(Timestamps.of(clock.instant()), sequences.toArray(Long[]::new)).update();
  }

  public void markFailed(long sequence, String error) {
    jdbc.sql("UPDATE dist_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
        .params(error.length() > 500 ? error.substring(0, 500) : error, sequence).update();
  }
}
