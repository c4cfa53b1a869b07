package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.identity.KeyRotation;
import ai.ailock.distribution.client.keystore.KeyFile;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock rotate-keys}: replaces this Ailock's keys, keeping its id (docs/sdk.md, "Key rotation"). */
@Command(name = "rotate-keys", description = {"Replace this Ailock's keys with new ones; its id stays. The old key is "
    + "retired: it verifies what it signed and authenticates nothing. Claims and unfinished downloads bound to it end "
    + "(ask for a new ticket). Safe to run again after an interruption."})
final class RotateKeysCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    String ailockId = workspace.registeredAilockId(keys.keyId()).orElseThrow(() ->
        new IllegalStateException("this key is not registered here; run 'ailock register' first"));
    char[] passphrase = KeyFile.isProtected(workspace.keyFile()) ? workspace.passphrase(false) : null;
    try {
      AilockKeys next = KeyRotation.rotate(workspace.http(keys), ailockId, workspace.keyFile(), passphrase);
      workspace.saveRegistration(ailockId, next.keyId());
      var out = spec.commandLine().getOut();
      out.println("Rotated the keys of " + ailockId);
      out.println("Retired key: " + keys.keyId());
      out.println("Active key:  " + next.keyId());
      return 0;
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
  }
}
