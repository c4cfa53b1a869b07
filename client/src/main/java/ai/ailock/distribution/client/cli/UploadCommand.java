package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.UploadStateFile;
import ai.ailock.distribution.client.transfer.Uploader;
import ai.ailock.distribution.schemas.WireJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ailock upload FILE}: creates a product and uploads the file encrypted. An interrupted upload of the same
 * file resumes where it stopped when the command is run again.
 */
@Command(name = "upload", description = {"Create a product and upload FILE, end-to-end encrypted.",
    "Run it again after an interruption to resume (only missing chunks are sent)."})
final class UploadCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;
  @Mixin TransferFlags flags;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to sell (up to the service's limit).")
  Path file;

  @Option(names = "--title", description = "Title shown to buyers (default: the file name).")
  @Nullable String title;

  @Option(names = "--content-type", paramLabel = "TYPE",
      description = "Media type, e.g. application/zip (default: guessed, else application/octet-stream).")
  @Nullable String contentType;

  @Option(names = "--chunk-size", paramLabel = "BYTES",
      description = "Transport chunk size to ask for, 65536-4194304 (default: the service's).")
  @Nullable Integer chunkSize;

  @Option(names = "--retention-days", paramLabel = "DAYS", description = "Days the product is kept (max 7).")
  @Nullable Integer retentionDays;

  @Option(names = "--download-limit", paramLabel = "N", description = "Completed downloads allowed per buyer.")
  @Nullable Integer downloadLimit;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "The product's policy as JSON (price, required_inputs, …; docs/api.md, products-create).")
  @Nullable Path policyFile;

  @Option(names = "--restart", description = "Discard the state of an unfinished upload of FILE and start over.")
  boolean restart;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "not a regular file");
    }
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    Path state = workspace.uploadState(file);
    if (restart) {
      UploadStateFile.delete(state);
    }
    var uploader = new Uploader(new HttpUploadService(workspace.http(keys)), keys, workspace.keyring(keys),
        flags.options().withChunkSize(chunkSize));
    PrintWriter out = spec.commandLine().getOut();
    var progress = ProgressBar.create(spec.commandLine().getErr(), flags.progress);
    long started = System.nanoTime();
    UploadResult result;
    if (Files.exists(state)) {
      out.println("Resuming the unfinished upload of " + file + " (state " + state + ")");
      result = uploader.resume(state, progress);
    } else {
      result = uploader.upload(file, draft(), state, progress);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.println("Product:     " + result.productId() + " (version " + result.version() + ", "
        + result.completed().status() + ", kept until " + result.completed().expiresAt() + ")");
    out.println("Upload:      " + result.uploadId() + ": " + result.chunksSent() + " chunks sent, "
        + result.chunksSkipped() + " already held");
    out.println("Plaintext:   " + result.plaintextLength() + " bytes, SHA-256 " + result.plaintextSha256());
    out.println("Ciphertext:  " + result.ciphertextLength() + " bytes, SHA-256 " + result.ciphertextSha256());
    out.println("Manifest:    SHA-256 " + result.manifestSha256());
    out.println(String.format(Locale.ROOT, "Took %.1f s (%.1f MB/s)", seconds,
        result.plaintextLength() / seconds / 1e6));
    return 0;
  }

  private ProductDraft draft() throws java.io.IOException {
    String type = contentType;
    if (type == null) {
      String probed = Files.probeContentType(file);
      type = probed != null ? probed.toLowerCase(Locale.ROOT) : "application/octet-stream";
    }
    ObjectNode policy = policyFile == null ? null : (ObjectNode) WireJson.mapper().readTree(
        Files.readAllBytes(policyFile));
    if (retentionDays != null || downloadLimit != null) {
      policy = policy != null ? policy : WireJson.mapper().createObjectNode();
      if (retentionDays != null) {
        policy.put("retention_days", retentionDays);
      }
      if (downloadLimit != null) {
        policy.put("download_limit", downloadLimit);
      }
    }
    return new ProductDraft(title != null ? title : String.valueOf(file.getFileName()), type, policy);
  }
}
