package ai.ailock.distribution.server.inbox;

import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-recipient inboxes in memory, fed by the outbox relay. Drops a message id it already holds (the relay delivers at
 * least once), keeps the newest {@code capacity} messages of each recipient and answers polls by cursor (the outbox
 * sequence, increasing). Lost on restart: messages are also in {@code dist_outbox}; a host that needs durable inboxes
 * uses a broker adapter. Thread-safe.
 */
public final class InProcessInbox {
  private final int capacity;
  private final Map<String, Deque<JdbcOutbox.Pending>> inboxes = new HashMap<>();
  private final Map<String, Set<String>> seen = new HashMap<>();

  public InProcessInbox(int capacity) {
    this.capacity = capacity;
  }

  /** Accepts one relayed message (a duplicate message id is dropped). */
  public synchronized void accept(JdbcOutbox.Pending message) {
    Set<String> ids = seen.computeIfAbsent(message.recipient(), r -> new HashSet<>());
    if (!ids.add(message.messageId().toString())) {
      return;
    }
    Deque<JdbcOutbox.Pending> inbox = inboxes.computeIfAbsent(message.recipient(), r -> new ArrayDeque<>());
    inbox.addLast(message);
    while (inbox.size() > capacity) {
      ids.remove(inbox.removeFirst().messageId().toString());
    }
  }

  /** @return up to {@code limit} of the recipient's messages after {@code cursor}, oldest first */
  public synchronized List<JdbcOutbox.Pending> after(String recipient, long cursor, int limit) {
    Deque<JdbcOutbox.Pending> inbox = inboxes.get(recipient);
    if (inbox == null) {
      return List.of();
    }
    return inbox.stream().filter(m -> m.sequence() > cursor).limit(limit).toList();
  }
}
