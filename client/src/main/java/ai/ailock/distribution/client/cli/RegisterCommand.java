package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.identity.Registration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock register}: registers the key file's public keys with the service. */
@Command(name = "register", description = "Register this Ailock's public keys with the service (idempotent).")
final class RegisterCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    Registration registration = new HttpIdentities(workspace.http(keys)).register(keys);
    workspace.saveRegistration(registration.ailockId(), registration.keyId());
    var out = spec.commandLine().getOut();
    out.println("Registered with " + workspace.server());
    out.println("Ailock id: " + registration.ailockId());
    out.println("Key id:    " + registration.keyId());
    return 0;
  }
}
