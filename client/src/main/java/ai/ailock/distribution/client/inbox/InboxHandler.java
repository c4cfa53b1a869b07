package ai.ailock.distribution.client.inbox;

/** Reacts to one type of inbox message; registered with {@link InboxListener#on}. */
@FunctionalInterface
public interface InboxHandler {
  /**
   * Handles one message. Throwing reports the failure through {@link InboxListener.Events#failed}; a transient one (a
   * transport error, 5xx, 408, 429) is retried with back-off, any other is final and the listener moves on.
   * The same message may come again after a crash (at least once): a handler must be idempotent.
   */
  void handle(InboxMessage message) throws Exception;
}
