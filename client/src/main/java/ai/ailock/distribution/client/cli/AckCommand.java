package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock ack TRANSFER_ID}: sends the receipt signed when the transfer's download was verified. */
@Command(name = "ack", description = "Acknowledge a downloaded transfer with its signed receipt (buyer).")
final class AckCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    Path file = workspace.receipt(transferId);
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "download the transfer first: 'ailock download --transfer "
          + transferId + "'");
    }
    DeliveryReceipt receipt = DeliveryReceipt.parse(Files.readAllBytes(file));
    AilockKeys keys = workspace.keys();
    receipt.verify(keys.signing().publicKey());
    TransferPrinter.print(spec.commandLine().getOut(), new Delivery(workspace.http(keys)).acknowledge(receipt));
    Files.delete(file);
    return 0;
  }
}
