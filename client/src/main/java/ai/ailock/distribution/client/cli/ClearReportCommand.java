package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.delivery.Delivery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ailock clear-report REPORT_ID --reason TEXT}: a reviewer clears a content report after review. */
@Command(name = "clear-report", description = {"Clear a content report after review (reviewers named by the operator "
    + "only); its product is served again once none of its reports is open."})
final class ClearReportCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT_ID") String reportId;

  @Option(names = "--reason", required = true, paramLabel = "TEXT",
      description = "Why the report no longer holds the product back (kept with it and in the audit trail).")
  String reason;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    JsonNode report = new Delivery(workspace.http(workspace.keys())).clearReport(reportId, reason);
    JsonNode cleared = report.path("cleared");
    PrintWriter out = spec.commandLine().getOut();
    out.println("Cleared:     " + report.path("kind").asString() + " report " + reportId + " by "
        + cleared.path("by").asString() + " at " + cleared.path("at").asString());
    out.println("Product:     " + report.path("product_id").asString()
        + (report.path("quarantined").asBoolean() ? " is still quarantined by another open report" : " is served again"));
    return 0;
  }
}
