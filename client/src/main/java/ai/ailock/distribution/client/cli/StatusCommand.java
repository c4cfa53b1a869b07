package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.UploadSessionInfo;
import ai.ailock.distribution.client.transfer.UploadState;
import ai.ailock.distribution.client.transfer.UploadStateFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock status [UPLOAD_ID]}: an upload session at the service, or the unfinished uploads kept locally. */
@Command(name = "status", description = {"Show an upload session's progress at the service.",
    "Without UPLOAD_ID: list the unfinished uploads kept locally."})
final class StatusCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "UPLOAD_ID")
  @Nullable String uploadId;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    PrintWriter out = spec.commandLine().getOut();
    if (uploadId == null) {
      List<UploadState> unfinished = unfinished(workspace.uploads());
      out.println(unfinished.isEmpty() ? "No unfinished uploads." : "Unfinished uploads (resume with 'ailock upload FILE'):");
      for (UploadState state : unfinished) {
        out.println("  " + state.uploadId() + "  product " + state.productId() + "  " + state.file());
      }
      return 0;
    }
    AilockKeys keys = workspace.keys();
    UploadSessionInfo session = new HttpUploadService(workspace.http(keys)).uploadStatus(uploadId);
    out.println("Upload:   " + session.uploadId() + " (" + session.state() + ", expires " + session.expiresAt() + ")");
    out.println("Product:  " + session.productId() + " version " + session.version());
    out.println("Chunks:   " + session.received().size() + " of " + session.chunkCount() + " held ("
        + session.chunkSize() + " bytes each), " + session.missing().size() + " missing");
    out.println("Size:     " + session.ciphertextLength() + " bytes of ciphertext");
    return 0;
  }

  private static List<UploadState> unfinished(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().flatMap(f -> {
        try {
          return Stream.of(UploadStateFile.read(f));
        } catch (IOException e) {
          return Stream.empty();
        }
      }).toList();
    }
  }
}
