package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.messaging.ProcessedMessages;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ProcessedMessages} on {@code dist_processed_messages}. {@link #claim} inserts the key with a placeholder
 * outcome; a concurrent claim of the same key waits on the uncommitted row and, once it commits, finds the conflict.
 */
public final class JdbcProcessedMessages implements ProcessedMessages {
  private final JdbcClient jdbc;

  public JdbcProcessedMessages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(String key, Instant at) {
    return jdbc.sql("""
            INSERT INTO dist_processed_messages (message_id, outcome, processed_at) VALUES (?, '{}'::jsonb, ?)
            ON CONFLICT (message_id) DO NOTHING""")
        .params(key, Timestamps.of(at)).update() == 1;
  }

  @Override
  public void settle(String key, String outcomeJson) {
    jdbc.sql("UPDATE dist_processed_messages SET outcome = ?::jsonb WHERE message_id = ?")
        .params(outcomeJson, key).update();
  }

  @Override
  public Optional<String> outcome(String key) {
    return jdbc.sql("SELECT outcome::text FROM dist_processed_messages WHERE message_id = ?")
        .param(key).query(String.class).optional();
  }
}
