package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock grant TRANSFER_ID}: the seller seals the product's key (from its keyring) to the buyer's X25519 key and
 * releases it; the transfer must be paid with every input in.
 */
@Command(name = "grant", description = {"Release a paid transfer's key to its buyer (seller).",
    "The product key comes from this Ailock's keyring; --deposited grants the one sent with the offer."})
final class GrantCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--deposited", description = "Grant the envelope deposited with 'ailock offer --deposit-key'.")
  boolean deposited;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    var http = workspace.http(keys);
    Ticket ticket;
    if (deposited) {
      ticket = new Delivery(http).grant(transferId, null);
    } else {
      String productId = new Commerce(http).transfer(transferId).productId();
      byte[] inputKey = workspace.keyring(keys).latestInputKey(productId);
      try {
        ticket = new Delivery(http).grant(transferId, inputKey);
      } finally {
        Arrays.fill(inputKey, (byte) 0);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Transfer:  " + ticket.transferId() + " (" + ticket.state() + ")");
    out.println("Granted:   key sealed to the buyer's key " + ticket.recipientKeyId());
    out.println("Downloads: " + ticket.downloadsCompleted() + " of " + ticket.downloadLimit() + " used");
    return 0;
  }
}
