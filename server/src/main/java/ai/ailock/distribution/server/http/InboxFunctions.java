package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.interaction.InboundMessage;
import ai.ailock.distribution.interaction.InteractionDispatcher;
import ai.ailock.distribution.interaction.InteractionReply;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code inbox-deliver} (signed by the sender) hands one interaction to the dispatcher, whatever the transport; the
 * messages the service sends are read with {@code inbox-poll} ({@link InboxPollFunctions}) or from the outbound topic.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class InboxFunctions {
  private final RequestGate gate;
  private final InteractionDispatcher dispatcher;

  InboxFunctions(RequestGate gate, InteractionDispatcher dispatcher) {
    this.gate = gate;
    this.dispatcher = dispatcher;
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
    return reply.toWire();
  }
}
