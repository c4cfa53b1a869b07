package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.transfer.CommandScanner;
import ai.ailock.distribution.client.transfer.TransferOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by the commands that move content ({@code upload}, {@code download}, {@code listen}, ...). */
final class TransferFlags {
  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
      description = "Chunks in flight at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto, tty (redrawn line), plain (periodic lines) or none (default: ${DEFAULT-VALUE}).")
  String progress;

  @Option(names = "--scan", paramLabel = "COMMAND",
      description = "Downloads: scan the plaintext before it appears with this antivirus command (exit 0 clean, 1 "
          + "found, as clamscan/clamdscan; the file's path is appended); a finding leaves no file and, for a "
          + "delivered transfer, is reported.")
  @Nullable String scan;

  TransferOptions options() {
    TransferOptions options = TransferOptions.defaults().withParallelism(parallel);
    return scan == null ? options : options.withScanner(CommandScanner.parse(scan));
  }
}
