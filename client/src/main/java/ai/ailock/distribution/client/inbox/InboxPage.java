package ai.ailock.distribution.client.inbox;

import java.util.List;

/**
 * What one poll of a {@link MessageSource} returned: messages oldest first, and where the next poll starts.
 *
 * @param nextCursor the cursor of the last message, or the cursor polled after if there was none
 */
public record InboxPage(List<InboxMessage> messages, long nextCursor) {
  public InboxPage {
    messages = List.copyOf(messages);
  }
}
