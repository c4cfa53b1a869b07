package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.personalize.PersonalizedGrant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock personalize TRANSFER_ID}: the seller makes the buyer's personalized copy of a paid transfer
 * (LICENSE.txt and watermarks naming the purchase), uploads it encrypted under a fresh key and grants that key
 * ({@link PersonalizedGrant}). Safe to run again after an interruption.
 */
@Command(name = "personalize", description = {"Make a paid transfer's personalized copy (LICENSE.txt, watermark), "
    + "upload it and grant it to the buyer (seller)."})
final class PersonalizeCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;
  @Mixin TransferFlags flags;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--license-terms", paramLabel = "FILE",
      description = "The license terms to write (default: single organization, no redistribution).")
  @Nullable Path termsFile;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    PersonalizedGrant.Granted granted = workspace.personalizedGrant(keys, flags.options(),
        LicenseTerms.read(termsFile)).grant(transferId, ProgressBar.create(spec.commandLine().getErr(),
        flags.progress));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Transfer:    " + granted.ticket().transferId() + " (" + granted.ticket().state() + ")");
    out.println("Copy:        product " + granted.copyProductId() + ", licensed to " + granted.license().buyer());
    out.println("Fingerprint: " + granted.license().fingerprint() + " (ailock trace finds this purchase from it)");
    out.println("Granted:     the copy's key sealed to the buyer's key " + granted.ticket().recipientKeyId());
    return 0;
  }
}
