package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.schemas.WireJson;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock dispute TRANSFER_ID --reason TEXT} opens a dispute (buyer or seller);
 * {@code ailock dispute TRANSFER_ID --evidence} prints the evidence bundle (receipt, sessions, access log) as JSON.
 */
@Command(name = "dispute", description = {"Open a dispute on a paid transfer (--reason), or print its evidence "
    + "(--evidence): the signed receipt and who downloaded what, when and from where."})
final class DisputeCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail).")
  @Nullable String reason;

  @Option(names = "--evidence", description = "Print the evidence bundle instead.")
  boolean evidence;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    Delivery delivery = new Delivery(workspace.http(keys));
    if (evidence) {
      spec.commandLine().getOut().println(WireJson.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(delivery.evidence(transferId)));
      return 0;
    }
    if (reason == null || reason.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --reason, or --evidence");
    }
    TransferPrinter.print(spec.commandLine().getOut(), delivery.dispute(transferId, reason));
    return 0;
  }
}
