package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
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

/** {@code ailock report TRANSFER_ID --kind malware|abuse}: the buyer reports what it found in received content. */
@Command(name = "report", description = {"Report malware or abuse in content delivered to you (buyer); the product "
    + "is quarantined until a reviewer clears it."})
final class ReportCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--kind", required = true, paramLabel = "KIND", description = "malware or abuse")
  String kind;

  @Option(names = "--detail", paramLabel = "TEXT", defaultValue = "",
      description = "What was found (a scanner's signature name, a reason).")
  String detail;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    JsonNode report = new Delivery(workspace.http(keys)).report(transferId, kind, detail);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Reported:    " + report.path("kind").asString() + " in transfer " + transferId
        + " (report " + report.path("report_id").asString() + ")");
    out.println("Product:     " + report.path("product_id").asString()
        + (report.path("quarantined").asBoolean() ? " is quarantined" : " is not quarantined (the report was cleared)"));
    return 0;
  }
}
