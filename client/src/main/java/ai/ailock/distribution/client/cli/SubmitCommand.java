package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock submit TRANSFER_ID id=value… [--file id=PATH]…}: supplies the buyer's inputs. Files are encrypted to
 * the seller (only the seller can read them) and uploaded first; their attachment ids become the inputs' values.
 */
@Command(name = "submit", description = {"Submit inputs for a transfer: text as ID=VALUE, files as --file ID=PATH.",
    "Files are end-to-end encrypted to the seller."})
final class SubmitCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Parameters(index = "1..*", paramLabel = "ID=VALUE", description = "Text, textarea and url inputs.")
  Map<String, String> values = new LinkedHashMap<>();

  @Option(names = "--file", paramLabel = "ID=PATH", description = "A file input.")
  Map<String, Path> files = new LinkedHashMap<>();

  @Option(names = "--type", paramLabel = "ID=MEDIA_TYPE", description = "A file's media type (default: guessed).")
  Map<String, String> types = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    Commerce commerce = new Commerce(workspace.http(keys));
    var all = new LinkedHashMap<>(values);
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path path = file.getValue();
      if (!Files.isRegularFile(path)) {
        throw new NoSuchFileException(path.toString(), null, "not a regular file");
      }
      String type = types.get(file.getKey());
      if (type == null) {
        String probed = Files.probeContentType(path);
        type = probed != null ? probed.toLowerCase(Locale.ROOT) : "application/octet-stream";
      }
      String attachment = commerce.uploadAttachment(transferId, file.getKey(), path, type);
      spec.commandLine().getOut().println("Uploaded " + path + " for '" + file.getKey() + "' (encrypted to the "
          + "seller) as attachment " + attachment);
      all.put(file.getKey(), attachment);
    }
    if (all.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give at least one ID=VALUE or --file");
    }
    TransferPrinter.print(spec.commandLine().getOut(), commerce.submit(transferId, all));
    return 0;
  }
}
