package ai.ailock.distribution.server.http;

import ai.ailock.distribution.batch.BatchOperations;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ailock-batch}: one signed request, one result per operation in order (200 even when some are refused). The
 * trace id (the request's, unless the body names one) is in the logs (MDC {@code trace_id}), the audit trail and the
 * outbox rows of every change the batch makes.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class BatchFunctions {
  private final RequestGate gate;
  private final BatchOperations batch;

  BatchFunctions(RequestGate gate, BatchOperations batch) {
    this.gate = gate;
    this.batch = batch;
  }

  @PostMapping("/ailock-batch")
  ObjectNode run(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.AILOCK_BATCH);
    Caller signed = json.caller();
    String traceId = json.body().has("trace_id") ? json.body().get("trace_id").asString() : signed.meta().requestId();
    Caller caller = new Caller(signed.ailock(), signed.keyId(),
        new RequestMeta(traceId, signed.meta().ip(), signed.meta().userAgent()));
    List<BatchOperations.Request> ops = new ArrayList<>();
    for (JsonNode op : json.body().get("ops")) {
      ops.add(new BatchOperations.Request(op.get("id").asString(), op.get("op").asString(), op.get("args")));
    }
    List<BatchOperations.Result> results;
    try (var ignored = MDC.putCloseable("trace_id", traceId)) {
      results = batch.run(caller, ops);
    }
    ObjectNode answer = WireJson.mapper().createObjectNode();
    answer.put("trace_id", traceId);
    ArrayNode array = answer.putArray("results");
    for (BatchOperations.Result r : results) {
      ObjectNode item = array.addObject();
      item.put("id", r.id());
      item.put("op", r.op());
      item.put("ok", r.ok());
      if (r.ok()) {
        item.set("result", r.result());
        item.put("replayed", r.replayed());
      } else {
        item.put("code", r.code());
        item.put("detail", r.detail());
        if (!r.violations().isEmpty()) {
          item.set("violations", WireJson.mapper().valueToTree(r.violations()));
        }
      }
    }
    return answer;
  }
}
