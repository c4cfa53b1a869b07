package ai.ailock.distribution.server.inbox;

import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-recipient inboxes in memory, fed by the outbox relay. Drops a message id it already holds (the relay delivers at
 * least once), keeps the newest {@code capacity} messages of each recipient and answers polls by cursor (the outbox
 * sequence, increasing). Lost on restart: messages are also in {@code dist_outbox}; a host that needs durable inboxes
 * uses a broker adapter. Thread-safe.
 *
 * <p>Long polls {@linkplain #park park} a wake-up callback that {@link #accept} runs (outside the lock) when a message
 * for that recipient arrives; nothing spins. Parked pollers are bounded, in all and per recipient, so waiting costs
 * a known amount of memory (the HTTP side waits asynchronously and holds no thread).
 */
public final class InProcessInbox {
  private final int capacity;
  private final int maxParked;
  private final int maxParkedPerRecipient;
  private final Map<String, Deque<JdbcOutbox.Pending>> inboxes = new HashMap<>();
  private final Map<String, Set<String>> seen = new HashMap<>();
  private final Map<String, Set<Parked>> parked = new HashMap<>();
  private int parkedCount;

  public InProcessInbox(int capacity, int maxParked, int maxParkedPerRecipient) {
    this.capacity = capacity;
    this.maxParked = maxParked;
    this.maxParkedPerRecipient = maxParkedPerRecipient;
  }

  /** A parked poller; {@link #cancel} it when the poll ends another way (timeout, error, disconnect). */
  public final class Parked {
    private final String recipient;
    private final Runnable wake;

    private Parked(String recipient, Runnable wake) {
      this.recipient = recipient;
      this.wake = wake;
    }

    /** Unparks this poller if it is still waiting; idempotent. */
    public void cancel() {
      synchronized (InProcessInbox.this) {
        remove(this);
      }
    }
  }

  /** Accepts one relayed message (a duplicate message id is dropped) and wakes the recipient's parked pollers. */
  public void accept(JdbcOutbox.Pending message) {
    List<Parked> woken;
    synchronized (this) {
      Set<String> ids = seen.computeIfAbsent(message.recipient(), r -> new HashSet<>());
      if (!ids.add(message.messageId().toString())) {
        return;
      }
      Deque<JdbcOutbox.Pending> inbox = inboxes.computeIfAbsent(message.recipient(), r -> new ArrayDeque<>());
      inbox.addLast(message);
      while (inbox.size() > capacity) {
        ids.remove(inbox.removeFirst().messageId().toString());
      }
      woken = new ArrayList<>(parked.getOrDefault(message.recipient(), Set.of()));
      woken.forEach(this::remove);
    }
    woken.forEach(p -> p.wake.run());
  }

  /** @return up to {@code limit} of the recipient's messages after {@code cursor}, oldest first */
  public synchronized List<JdbcOutbox.Pending> after(String recipient, long cursor, int limit) {
    Deque<JdbcOutbox.Pending> inbox = inboxes.get(recipient);
    if (inbox == null) {
      return List.of();
    }
    return inbox.stream().filter(m -> m.sequence() > cursor).limit(limit).toList();
  }

  /**
   * Parks a poller that found nothing after {@code cursor}: {@code wake} runs once, on the thread of the
   * {@link #accept} that brings the recipient's next message (or at once if one came in meanwhile).
   *
   * @return the parked poller, or empty if the bound on parked pollers (in all or for this recipient) is reached
   */
  public Optional<Parked> park(String recipient, long cursor, Runnable wake) {
    synchronized (this) {
      if (after(recipient, cursor, 1).isEmpty()) {
        Set<Parked> mine = parked.computeIfAbsent(recipient, r -> new LinkedHashSet<>());
        if (parkedCount >= maxParked || mine.size() >= maxParkedPerRecipient) {
          if (mine.isEmpty()) {
            parked.remove(recipient);
          }
          return Optional.empty();
        }
        Parked poller = new Parked(recipient, wake);
        mine.add(poller);
        parkedCount++;
        return Optional.of(poller);
      }
    }
    wake.run();
    return Optional.of(new Parked(recipient, wake));
  }

  /** @return how many pollers wait now */
  public synchronized int parkedCount() {
    return parkedCount;
  }

  private void remove(Parked poller) {
    Set<Parked> mine = parked.get(poller.recipient);
    if (mine != null && mine.remove(poller)) {
      parkedCount--;
      if (mine.isEmpty()) {
        parked.remove(poller.recipient);
      }
    }
  }
}
