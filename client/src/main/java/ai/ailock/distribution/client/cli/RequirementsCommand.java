package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.RequiredInputInfo;
import ai.ailock.distribution.client.commerce.Requirements;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock requirements TRANSFER_ID} (or {@code --product PRODUCT_ID}): the inputs the buyer must supply. */
@Command(name = "requirements", description = "List the inputs a transfer (or a product) requires, and what is missing.")
final class RequirementsCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TRANSFER_ID") @Nullable String transferId;

  @Option(names = "--product", paramLabel = "PRODUCT_ID", description = "Ask about a product instead.")
  @Nullable String productId;

  @Override
  public Integer call() throws Exception {
    if ((transferId == null) == (productId == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give TRANSFER_ID or --product");
    }
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    Commerce commerce = new Commerce(workspace.http(keys));
    Requirements r = transferId != null ? commerce.requirementsOfTransfer(transferId)
        : commerce.requirementsOfProduct(productId);
    PrintWriter out = spec.commandLine().getOut();
    if (r.inputs().isEmpty()) {
      out.println("No inputs required.");
    }
    for (RequiredInputInfo input : r.inputs()) {
      var limits = new ArrayList<String>();
      if (input.maxLen() != null) {
        limits.add("max " + input.maxLen() + " chars");
      }
      if (!input.mimeTypes().isEmpty()) {
        limits.add(String.join("|", input.mimeTypes()));
      }
      if (input.maxSizeMb() != null) {
        limits.add("max " + input.maxSizeMb() + " MiB");
      }
      out.printf("  %-20s %-8s %-22s %s %s%s%n", input.id(), input.type(), input.timing(),
          input.required() ? "required" : "optional", input.label(),
          limits.isEmpty() ? "" : " (" + String.join(", ", limits) + ")");
    }
    if (transferId != null) {
      out.println("Missing before payment: " + (r.missingPrePayment().isEmpty() ? "none"
          : String.join(", ", r.missingPrePayment())));
      out.println("Missing after payment:  " + (r.missingPostPayment().isEmpty() ? "none"
          : String.join(", ", r.missingPostPayment())));
    }
    return 0;
  }
}
