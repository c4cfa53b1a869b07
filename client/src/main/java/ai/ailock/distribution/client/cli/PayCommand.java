package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Checkout;
import ai.ailock.distribution.client.commerce.Commerce;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock pay TRANSFER_ID}: asks for the invoice; with a service running the local checkout emulator (no Stripe
 * keys) it pays there at once, otherwise it prints the Stripe Checkout URL to open in a browser.
 */
@Command(name = "pay", description = {"Invoice a transfer and pay it.",
    "With the local checkout emulator the payment is made at once; with Stripe, open the printed URL."})
final class PayCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRANSFER_ID") String transferId;

  @Option(names = "--outcome", paramLabel = "OUTCOME", defaultValue = "paid",
      description = "Emulator only: paid, pending, settle, fail or expire (default: ${DEFAULT-VALUE}).")
  String outcome;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    Commerce commerce = new Commerce(workspace.http(keys));
    Checkout checkout = commerce.invoice(transferId);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Invoice:   " + TransferPrinter.money(checkout.amount(), checkout.currency()) + ", attempt "
        + checkout.attempt() + ", session " + checkout.sessionId());
    if (!checkout.checkoutUrl().contains("/checkout-emulator/pay")) {
      out.println("Pay at:    " + checkout.checkoutUrl());
      return 0;
    }
    var answer = commerce.payWithEmulator(checkout.checkoutUrl(), outcome);
    out.println("Emulator:  " + answer.path("event_type").asString() + " sent (webhook answered "
        + answer.path("webhook_status").asInt() + ")");
    TransferPrinter.print(out, commerce.transfer(transferId));
    return 0;
  }
}
