package ai.ailock.distribution.engine.transfer;

/**
 * Sends messages to Ailocks' inboxes. Called inside the transaction of the state change that causes the message: the
 * adapter (a transactional outbox) stores it in that transaction and relays it after commit, so a rolled-back change
 * sends nothing and a committed one is delivered at least once (consumers drop duplicates by message id).
 */
public interface Messenger {
  /** Sends nothing: for engines run without an inbox. */
  Messenger NONE = message -> { };

  void send(OutboundMessage message);
}
