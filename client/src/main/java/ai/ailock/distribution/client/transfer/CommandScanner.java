package ai.ailock.distribution.client.transfer;

import ai.ailock.distribution.client.manifest.ProductMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ContentScanner} that runs an antivirus command on the file, with the convention of ClamAV's
 * {@code clamscan} and {@code clamdscan}: exit code 0 is clean, 1 is a finding (its output names it), anything else is
 * an error of the scanner (the download fails, the file does not appear). The file's path is appended as the last
 * argument. For example {@code clamdscan --no-summary --fdpass}.
 */
public final class CommandScanner implements ContentScanner {
  private static final long TIMEOUT_MINUTES = 10;

  private final List<String> command;

  public CommandScanner(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the scanner command is empty");
    }
    this.command = List.copyOf(command);
  }

  /** @param commandLine the command and its arguments, separated by spaces (no quoting) */
  public static CommandScanner parse(String commandLine) {
    return new CommandScanner(List.of(commandLine.trim().split("\\s+")));
  }

  @Override
  public Verdict scan(Path plaintext, ProductMetadata metadata) throws IOException {
    List<String> run = new ArrayList<>(command);
    run.add(plaintext.toAbsolutePath().toString());
    Process process = new ProcessBuilder(run).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readNBytes(4096);
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("the scanner " + command.get(0) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while scanning");
    }
    String said = new String(output, StandardCharsets.UTF_8).strip();
    // the scanner's output names the file by its temporary path; only the finding matters
    String finding = said.replace(plaintext.toAbsolutePath().toString(), metadata.fileName());
    return switch (process.exitValue()) {
      case 0 -> Verdict.CLEAN;
      case 1 -> Verdict.malware(finding.length() > 1000 ? finding.substring(0, 1000) : finding);
      default -> throw new IOException("the scanner " + command.get(0) + " failed (exit code " + process.exitValue()
          + "): " + said);
    };
  }
}
