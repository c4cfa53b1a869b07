package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.identity.PublicIdentity;
import ai.ailock.distribution.client.keystore.KeyFile;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock whoami}: the local identity and whether the service knows it. */
@Command(name = "whoami", description = "Show this Ailock's key id and Ailock id, and check its registration.")
final class WhoamiCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--offline", description = "Do not ask the service.")
  boolean offline;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    var out = spec.commandLine().getOut();
    out.println("Key file:  " + workspace.keyFile() + (KeyFile.isProtected(workspace.keyFile())
        ? " (passphrase)" : " (no passphrase)"));
    out.println("Key id:    " + keys.keyId());
    Optional<String> ailockId = workspace.registeredAilockId(keys.keyId());
    out.println("Ailock id: " + ailockId.orElse("(not registered from here; run 'ailock register')"));
    if (offline || ailockId.isEmpty()) {
      return 0;
    }
    out.println("Service:   " + workspace.server());
    try {
      PublicIdentity identity = new HttpIdentities(workspace.http(keys)).lookup(ailockId.get());
      identity.verifyBinding();
      out.println(identity.keyId().equals(keys.keyId()) ? "Status:    registered, this key is active"
          : "Status:    registered, but the active key is " + identity.keyId());
    } catch (DistributionApiException e) {
      out.println("Status:    " + Failures.describe(e));
      return Failures.REFUSED;
    } catch (UncheckedIOException e) {
      out.println("Status:    service unreachable (" + e.getCause().getMessage() + ")");
      return Failures.UNAVAILABLE;
    }
    return 0;
  }
}
