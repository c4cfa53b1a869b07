package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.content.ContentReport;
import ai.ailock.distribution.engine.content.ReportStatus;
import ai.ailock.distribution.engine.content.ReviewContent;
import ai.ailock.distribution.engine.delivery.ReportContent;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code products-report}: a buyer reports malware or abuse in content it downloaded; {@code content-reports-list} and
 * {@code content-reports-clear}: the operator's reviewers work through the open reports (docs/content.md).
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class ContentFunctions {
  private final RequestGate gate;
  private final ReportContent reportContent;
  private final ReviewContent reviewContent;

  ContentFunctions(RequestGate gate, ReportContent reportContent, ReviewContent reviewContent) {
    this.gate = gate;
    this.reportContent = reportContent;
    this.reviewContent = reviewContent;
  }

  @PostMapping("/products-report")
  @ResponseStatus(HttpStatus.CREATED)
  ObjectNode report(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.CONTENT_REPORT);
    JsonNode body = json.body();
    return view(reportContent.report(json.caller(),
        TransferFunctions.transferIdOf(body.get("transfer_id").asString()),
        ContentReport.Kind.fromWire(body.get("kind").asString()), body.path("detail").asString("")));
  }

  @GetMapping("/content-reports-list")
  ObjectNode open(HttpServletRequest request, @RequestParam(name = "limit", required = false) @Nullable String limit) {
    Caller reviewer = gate.authenticate(request);
    PageRequest first = PageViews.request(limit, null);
    ObjectNode answer = WireJson.mapper().createObjectNode();
    ArrayNode reports = answer.putArray("reports");
    reviewContent.open(reviewer, first.limit()).forEach(report -> reports.add(view(new ReportStatus(report, true))));
    return answer;
  }

  @PostMapping("/content-reports-clear")
  ObjectNode clear(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.CONTENT_REPORT_CLEAR);
    JsonNode body = json.body();
    return view(reviewContent.clear(json.caller(), UUID.fromString(body.get("report_id").asString()),
        body.get("reason").asString()));
  }

  /** A report as the wire shows it; {@code cleared} is null while it is open. */
  private static ObjectNode view(ReportStatus status) {
    ContentReport report = status.report();
    ObjectNode answer = WireJson.mapper().createObjectNode();
    answer.put("report_id", report.id().toString());
    answer.put("transfer_id", report.transfer().toString());
    answer.put("product_id", report.product().toString());
    answer.put("kind", report.kind().wire());
    answer.put("detail", report.detail());
    answer.put("reported_at", report.at().toString());
    ContentReport.Clearance clearance = report.clearance();
    if (clearance == null) {
      answer.putNull("cleared");
    } else {
      answer.putObject("cleared").put("by", clearance.reviewer().value()).put("reason", clearance.reason())
          .put("at", clearance.at().toString());
    }
    answer.put("quarantined", status.quarantined());
    return answer;
  }
}
