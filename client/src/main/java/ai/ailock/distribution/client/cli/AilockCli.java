package ai.ailock.distribution.client.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ailock}: the Ailock SDK's command line. Global options choose the local home directory (key file,
 * product keys, unfinished uploads) and the service; subcommands do one task each. {@link #main} exits with the
 * code {@link #run} returns (see {@link Failures} for the codes).
 */
@Command(name = "ailock", mixinStandardHelpOptions = true, version = "ailock 0.1.0 (profile ailock-e2ee-v1)",
    description = "Sell and deliver end-to-end encrypted files between Ailocks.",
    subcommands = {KeygenCommand.class, RegisterCommand.class, WhoamiCommand.class, UploadCommand.class,
        DownloadCommand.class, StatusCommand.class, OfferCommand.class, RequirementsCommand.class,
        SubmitCommand.class, AttachmentCommand.class, PayCommand.class, TransferCommand.class, GrantCommand.class, ClaimCommand.class,
        AckCommand.class, ProductsCommand.class, TransfersCommand.class, ListenCommand.class, PersonalizeCommand.class, TraceCommand.class, ReportCommand.class,
        ReportsCommand.class, ClearReportCommand.class, RevokeCommand.class,
        DisputeCommand.class, RotateKeysCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:local failure (file, I/O)", "2:usage error",
        "3:the service refused the request", "4:the service is unreachable or failing",
        "5:integrity failure (signature, hash or ciphertext did not verify)",
        "6:key file problem (missing, permissions, passphrase)",
        "7:the content scanner rejected a download (no file written; reported)"})
public final class AilockCli {
  static final String DEFAULT_SERVER = "http://localhost:8080/.netlify/functions";

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:AILOCK_HOME:-${sys:user.home}/.ailock}",
      description = "Local state: key file, product keys, unfinished uploads (default: ${DEFAULT-VALUE}; "
          + "env AILOCK_HOME).")
  Path home;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "The identity key file (default: HOME/identity.json).")
  @Nullable Path keyFile;

  @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:AILOCK_SERVER:-" + DEFAULT_SERVER + "}",
      description = "The service's functions base URL (default: ${DEFAULT-VALUE}; env AILOCK_SERVER).")
  URI server;

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "Read the key file's passphrase from FILE (else env AILOCK_PASSPHRASE, else a prompt).")
  @Nullable Path passphraseFile;

  /** Runs {@code ailock} and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code ailock} with the process's standard streams. @return the exit code */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs {@code ailock} writing to the given streams. @return the exit code */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new AilockCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Failures::handle);
    return commandLine.execute(args);
  }

  Workspace workspace() {
    return new Workspace(home, keyFile != null ? keyFile : home.resolve("identity.json"), server, passphraseFile);
  }
}
