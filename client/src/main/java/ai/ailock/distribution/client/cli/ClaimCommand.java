package ai.ailock.distribution.client.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock claim TRANSFER_ID}: the same as {@code ailock download --transfer TRANSFER_ID}. */
@Command(name = "claim", description = "Claim and download a delivered transfer (buyer); see 'download --transfer'.")
final class ClaimCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;
  @Mixin TransferFlags flags;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Directory to write the file into (default: the current one).")
  Path out;

  @Option(names = "--overwrite", description = "Replace an existing file of the same name.")
  boolean overwrite;

  @Option(names = "--ack", description = "Send the signed receipt at once (else 'ailock ack TRANSFER_ID').")
  boolean ack;

  @Override
  public Integer call() throws Exception {
    return RecipientDownload.run(cli.workspace(), spec, flags, transferId, out, overwrite, ack);
  }
}
