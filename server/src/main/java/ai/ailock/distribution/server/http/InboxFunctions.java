package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.interaction.InboundMessage;
import ai.ailock.distribution.interaction.InteractionDispatcher;
import ai.ailock.distribution.interaction.InteractionReply;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import ai.ailock.distribution.server.inbox.InProcessInbox;
import ai.ailock.distribution.server.inbox.InboxRelay;
import ai.ailock.distribution.storage.jdbc.JdbcOutbox;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-process inbox adapter: {@code inbox-deliver} (signed by the sender) hands one interaction to the dispatcher;
 * {@code inbox-poll} (signed by the recipient) returns the messages the service sent to the caller after a cursor,
 * waiting up to {@code wait} seconds for one (a long poll answered asynchronously: waiting holds no Tomcat thread).
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class InboxFunctions {
  private static final int MAX_POLL = 100;
  private static final int MAX_WAIT_SECONDS = 30;

  private final RequestGate gate;
  private final InteractionDispatcher dispatcher;
  private final InProcessInbox inbox;
  private final InboxRelay relay;

  InboxFunctions(RequestGate gate, InteractionDispatcher dispatcher, InProcessInbox inbox, InboxRelay relay) {
    this.gate = gate;
    this.dispatcher = dispatcher;
    this.inbox = inbox;
    this.relay = relay;
  }

  /** @return the accepted reply (200); a refusal is answered as problem+json with its code (and pointers) */
  @PostMapping("/inbox-deliver")
  ObjectNode deliver(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.INBOX_DELIVER);
    Caller sender = json.caller();
    JsonNode body = json.body();
    String traceId = body.has("trace_id") ? body.get("trace_id").asString() : sender.meta().requestId();
    InteractionReply reply;
    try (var ignored = MDC.putCloseable("trace_id", traceId)) {
      reply = dispatcher.dispatch(new InboundMessage(body.get("message_id").asString(), body.get("type").asString(),
          sender.ailock(), sender.keyId(), body.path("recipient").asString("distribution"), traceId,
          body.get("payload")));
    }
    if (!reply.accepted()) {
      throw new DistributionException(ErrorCode.valueOf(String.valueOf(reply.code()).toUpperCase(Locale.ROOT)),
          String.valueOf(reply.detail()), reply.violations());
    }
    ObjectNode answer = WireJson.mapper().createObjectNode();
    answer.put("message_id", reply.messageId());
    answer.put("accepted", true);
    answer.put("transfer_id", reply.transferId());
    answer.put("state", reply.state());
    answer.put("replayed", reply.replayed());
    return answer;
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
      ObjectNode json = messages.addObject();
      json.put("cursor", m.sequence());
      json.put("message_id", m.messageId().toString());
      json.put("type", m.type());
      json.put("transfer_id", m.key());
      json.put("trace_id", m.traceId());
      json.put("created_at", m.createdAt().toString());
      json.set("payload", WireJson.mapper().readTree(m.payloadJson()));
      next = m.sequence();
    }
    answer.put("next_cursor", next);
    return answer;
  }
}
