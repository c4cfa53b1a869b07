package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.keystore.KeyFile;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ailock keygen}: new Ed25519 and X25519 key pairs in a new owner-only key file. */
@Command(name = "keygen", description = "Generate this Ailock's keys into a new key file (never overwritten).")
final class KeygenCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--no-passphrase",
      description = "Store the secret keys unencrypted, protected by the file's permissions (0600) only.")
  boolean noPassphrase;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = AilockKeys.generate();
    char[] passphrase = noPassphrase ? null : workspace.passphrase(true);
    try {
      KeyFile.create(workspace.keyFile(), keys, passphrase);
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, '\0');
      }
    }
    var out = spec.commandLine().getOut();
    out.println("Key file: " + workspace.keyFile() + (passphrase == null ? " (no passphrase)" : " (passphrase)"));
    out.println("Key id:   " + keys.keyId());
    out.println("Next: ailock register");
    return 0;
  }
}
