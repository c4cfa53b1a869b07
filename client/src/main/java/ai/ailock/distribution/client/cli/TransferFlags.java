package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.transfer.TransferOptions;
import picocli.CommandLine.Option;

/** Options shared by {@code upload} and {@code download}. */
final class TransferFlags {
  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
      description = "Chunks in flight at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto, tty (redrawn line), plain (periodic lines) or none (default: ${DEFAULT-VALUE}).")
  String progress;

  TransferOptions options() {
    return TransferOptions.defaults().withParallelism(parallel);
  }
}
