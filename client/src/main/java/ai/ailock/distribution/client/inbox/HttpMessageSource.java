package ai.ailock.distribution.client.inbox;

import ai.ailock.distribution.client.http.SignedHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The service's in-process inbox: {@code GET inbox-poll?after=&limit=&wait=}, signed by the recipient. The service
 * answers as soon as a message is there, or with an empty page when {@code wait} (at most 30 s) passes.
 */
public final class HttpMessageSource implements MessageSource {
  /** The longest wait the service accepts. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private static final int LIMIT = 100;

  private final SignedHttp http;

  public HttpMessageSource(SignedHttp http) {
    this.http = http;
  }

  @Override
  public InboxPage poll(long cursor, Duration wait) {
    long seconds = Math.min(Math.max(wait.toSeconds(), 0), MAX_WAIT.toSeconds());
    JsonNode answer = http.getJson("inbox-poll", Map.of("after", Long.toString(cursor),
        "limit", Integer.toString(LIMIT), "wait", Long.toString(seconds)));
    List<InboxMessage> messages = new ArrayList<>();
    answer.path("messages").forEach(m -> messages.add(InboxMessage.of(m)));
    return new InboxPage(messages, answer.path("next_cursor").asLong(cursor));
  }
}
