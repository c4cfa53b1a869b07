package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock transfer TRANSFER_ID}: a transfer's state, price, missing inputs and payment. */
@Command(name = "transfer", description = "Show a transfer's status (seller and buyer only).")
final class TransferCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    TransferPrinter.print(spec.commandLine().getOut(), new Commerce(workspace.http(keys)).transfer(transferId));
    return 0;
  }
}
