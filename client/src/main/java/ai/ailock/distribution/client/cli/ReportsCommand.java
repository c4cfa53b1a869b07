package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.delivery.Delivery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ailock reports}: a reviewer's queue of open content reports, oldest first. */
@Command(name = "reports", description = {"List the open content reports, oldest first (reviewers named by the "
    + "operator only); clear one with 'ailock clear-report'."})
final class ReportsCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N reports (1-100).")
  int limit;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    JsonNode reports = new Delivery(workspace.http(workspace.keys())).openReports(limit).path("reports");
    PrintWriter out = spec.commandLine().getOut();
    if (reports.isEmpty()) {
      out.println("No open reports.");
      return 0;
    }
    out.printf("%-36s  %-7s  %-36s  %-20s  %s%n", "REPORT", "KIND", "PRODUCT", "REPORTED", "DETAIL");
    for (JsonNode report : reports) {
      out.printf("%-36s  %-7s  %-36s  %-20s  %s%n", report.path("report_id").asString(),
          report.path("kind").asString(), report.path("product_id").asString(),
          report.path("reported_at").asString().replaceFirst("\\.\\d+Z$", "Z"),
          TransferPrinter.oneLine(report.path("detail").asString(), 200));
    }
    return 0;
  }
}
