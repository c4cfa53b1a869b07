package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.content.ContentReport;
import ai.ailock.distribution.engine.delivery.ReportContent;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code products-report}: a buyer reports malware or abuse in content it downloaded (docs/content.md). */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class ContentFunctions {
  private final RequestGate gate;
  private final ReportContent reportContent;

  ContentFunctions(RequestGate gate, ReportContent reportContent) {
    this.gate = gate;
    this.reportContent = reportContent;
  }

  @PostMapping("/products-report")
  @ResponseStatus(HttpStatus.CREATED)
  ObjectNode report(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.CONTENT_REPORT);
    JsonNode body = json.body();
    ContentReport report = reportContent.report(json.caller(),
        TransferFunctions.transferIdOf(body.get("transfer_id").asString()),
        ContentReport.Kind.fromWire(body.get("kind").asString()), body.path("detail").asString(""));
    ObjectNode answer = WireJson.mapper().createObjectNode();
    answer.put("report_id", report.id().toString());
    answer.put("transfer_id", report.transfer().toString());
    answer.put("product_id", report.product().toString());
    answer.put("kind", report.kind().wire());
    answer.put("detail", report.detail());
    answer.put("reported_at", report.at().toString());
    answer.put("quarantined", true);
    return answer;
  }
}
