package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.Listing;
import ai.ailock.distribution.client.commerce.TransferInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock transfers --as seller|buyer}: this Ailock's sales or purchases, newest first, a page at a time. */
@Command(name = "transfers", description = "List this Ailock's sales (--as seller) or purchases (--as buyer).")
final class TransfersCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--as", paramLabel = "ROLE", required = true, description = "seller or buyer.")
  String role;

  @Option(names = "--state", paramLabel = "STATE", description = "Only transfers in this state (e.g. paid).")
  @Nullable String state;

  @Mixin PageFlags page;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    Listing<TransferInfo> listed = new Commerce(workspace.http(workspace.keys()))
        .transfers(role, state, page.cursor, page.limit);
    PrintWriter out = spec.commandLine().getOut();
    if (listed.items().isEmpty()) {
      out.println("No transfers.");
    }
    for (TransferInfo t : listed.items()) {
      String counterpart = "seller".equals(role) ? "to " + t.recipient() : "from " + t.seller();
      out.printf("%s  %-19s  %s  product %s  %s%n", t.transferId(), t.state(),
          TransferPrinter.money(t.amount(), t.currency()), t.productId(), counterpart);
    }
    if (listed.nextCursor() != null) {
      out.println("More: ailock transfers --as " + role + (state == null ? "" : " --state " + state)
          + " --cursor " + listed.nextCursor());
    }
    return 0;
  }
}
