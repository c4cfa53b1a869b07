package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.commerce.Commerce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock attachment ATTACHMENT_ID --out FILE}: the seller decrypts a file a buyer attached to an input. */
@Command(name = "attachment", description = {"Download and decrypt a file a buyer attached to an input (seller); "
    + "the ids are the file inputs' values in 'ailock transfer TRANSFER_ID'."})
final class AttachmentCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ATTACHMENT_ID") String attachmentId;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it (must not exist).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    Path file = new Commerce(workspace.http(workspace.keys())).downloadAttachment(attachmentId, out);
    spec.commandLine().getOut().println("Attachment:  " + file + " (" + Files.size(file) + " bytes, verified)");
    return 0;
  }
}
