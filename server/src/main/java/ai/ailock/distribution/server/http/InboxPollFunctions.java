package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.server.inbox.InProcessInbox;
import ai.ailock.distribution.server.inbox.InboxRelay;
import ai.ailock.distribution.server.inbox.MessagingProperties;
import ai.ailock.distribution.server.inbox.OutboundEnvelope;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-process transport's read side: {@code inbox-poll} (signed by the recipient) returns the messages the service
 * sent to the caller after a cursor, waiting up to {@code wait} seconds for one (a long poll answered asynchronously:
 * waiting holds no Tomcat thread). Absent with {@code transport=kafka}, where they are on the outbound topic.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
@ConditionalOnProperty(name = MessagingProperties.TRANSPORT, havingValue = "in-process", matchIfMissing = true)
class InboxPollFunctions {
  private static final int MAX_POLL = 100;
  private static final int MAX_WAIT_SECONDS = 30;

  private final RequestGate gate;
  private final InProcessInbox inbox;
  private final InboxRelay relay;

  InboxPollFunctions(RequestGate gate, InProcessInbox inbox, InboxRelay relay) {
    this.gate = gate;
    this.inbox = inbox;
    this.relay = relay;
  }

  /**
   * Answers at once when the caller has messages after {@code after} (or {@code wait} is 0); otherwise parks the
   * poll on the in-process inbox, without holding a thread, until a message arrives or {@code wait} seconds pass (then
   * an empty page). Refused with {@code inbox_busy} (503) when too many polls wait already.
   */
  @GetMapping("/inbox-poll")
  DeferredResult<ObjectNode> poll(HttpServletRequest request,
      @RequestParam(name = "after", defaultValue = "0") long after,
      @RequestParam(name = "limit", defaultValue = "100") int limit,
      @RequestParam(name = "wait", defaultValue = "0") int wait) {
    Caller caller = gate.authenticate(request);
    if (after < 0 || limit < 1 || limit > MAX_POLL || wait < 0 || wait > MAX_WAIT_SECONDS) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST,
          "after >= 0, 1 <= limit <= " + MAX_POLL + " and 0 <= wait <= " + MAX_WAIT_SECONDS);
    }
    String recipient = caller.ailock().value();
    relay.flush();
    ObjectNode now = page(recipient, after, limit);
    if (wait == 0 || !now.get("messages").isEmpty()) {
      DeferredResult<ObjectNode> answered = new DeferredResult<>();
      answered.setResult(now);
      return answered;
    }
    var parked = new DeferredResult<ObjectNode>(TimeUnit.SECONDS.toMillis(wait),
        () -> page(recipient, after, limit));
    InProcessInbox.Parked poller = inbox.park(recipient, after, () -> parked.setResult(page(recipient, after, limit)))
        .orElseThrow(() -> new DistributionException(ErrorCode.INBOX_BUSY,
            "too many polls are waiting; poll again shortly"));
    parked.onCompletion(poller::cancel);
    parked.onError(e -> poller.cancel());
    return parked;
  }

  private ObjectNode page(String recipient, long after, int limit) {
    ObjectNode answer = WireJson.mapper().createObjectNode();
    ArrayNode messages = answer.putArray("messages");
    long next = after;
    for (JdbcOutbox.Pending m : inbox.after(recipient, after, limit)) {
      messages.addObject().put("cursor", m.sequence()).setAll(OutboundEnvelope.of(m));
      next = m.sequence();
    }
    answer.put("next_cursor", next);
    return answer;
  }
}
