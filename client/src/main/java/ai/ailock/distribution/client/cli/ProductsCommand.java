package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.Listing;
import ai.ailock.distribution.client.commerce.ProductInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock products}: this Ailock's products at the service, newest first, a page at a time. */
@Command(name = "products", description = "List this Ailock's products (not personalized copies), newest first.")
final class ProductsCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only draft, ready or purged products.")
  @Nullable String status;

  @Mixin PageFlags page;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    Listing<ProductInfo> listed = new Commerce(workspace.http(workspace.keys())).products(status, page.cursor, page.limit);
    PrintWriter out = spec.commandLine().getOut();
    if (listed.items().isEmpty()) {
      out.println("No products.");
    }
    for (ProductInfo p : listed.items()) {
      out.printf("%s  %-6s  %12d bytes  %s%s%n", p.productId(), p.status(), p.size(), p.title(),
          p.expiresAt() == null ? "" : "  (until " + p.expiresAt() + ")");
    }
    if (listed.nextCursor() != null) {
      out.println("More: ailock products --cursor " + listed.nextCursor());
    }
    return 0;
  }
}
