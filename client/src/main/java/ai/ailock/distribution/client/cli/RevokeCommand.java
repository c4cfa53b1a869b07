package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.delivery.Delivery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock revoke TRANSFER_ID}: the seller ends the buyer's access at once and destroys the key envelope. */
@Command(name = "revoke", description = "Revoke a transfer: claims and downloads stop at once, the key is destroyed.")
final class RevokeCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "revoked by the seller",
      description = "Kept in the audit trail (default: ${DEFAULT-VALUE}).")
  String reason;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    TransferPrinter.print(spec.commandLine().getOut(), new Delivery(workspace.http(keys)).revoke(transferId, reason));
    return 0;
  }
}
