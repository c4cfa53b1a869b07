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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-process transport's read side: {@code inbox-poll} (signed by the recipient) returns the messages the service
 * sent to the caller after a cursor. Absent with {@code transport=kafka}, where they are on the outbound topic.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
@ConditionalOnProperty(name = MessagingProperties.TRANSPORT, havingValue = "in-process", matchIfMissing = true)
class InboxPollFunctions {
  private static final int MAX_POLL = 100;

  private final RequestGate gate;
  private final InProcessInbox inbox;
  private final InboxRelay relay;

  InboxPollFunctions(RequestGate gate, InProcessInbox inbox, InboxRelay relay) {
    this.gate = gate;
    this.inbox = inbox;
    this.relay = relay;
  }

  @GetMapping("/inbox-poll")
  ObjectNode poll(HttpServletRequest request, @RequestParam(name = "after", defaultValue = "0") long after,
      @RequestParam(name = "limit", defaultValue = "100") int limit) {
    Caller recipient = gate.authenticate(request);
    if (after < 0 || limit < 1 || limit > MAX_POLL) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "after >= 0 and 1 <= limit <= " + MAX_POLL);
    }
    relay.flush();
    ObjectNode answer = WireJson.mapper().createObjectNode();
    ArrayNode messages = answer.putArray("messages");
    long next = after;
    for (JdbcOutbox.Pending m : inbox.after(recipient.ailock().value(), after, limit)) {
      messages.addObject().put("cursor", m.sequence()).setAll(OutboundEnvelope.of(m));
      next = m.sequence();
    }
    answer.put("next_cursor", next);
    return answer;
  }
}
