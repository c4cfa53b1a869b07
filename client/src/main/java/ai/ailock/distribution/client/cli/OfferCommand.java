package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.delivery.Delivery;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ailock offer PRODUCT_ID RECIPIENT}: offers one of this Ailock's ready products to another Ailock. */
@Command(name = "offer", description = "Offer a ready product to another Ailock (prints the transfer id).")
final class OfferCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PRODUCT_ID") String productId;
  @Parameters(index = "1", paramLabel = "RECIPIENT", description = "The buyer's Ailock id.") String recipient;

  @Option(names = "--amount", paramLabel = "MINOR_UNITS", description = "Price in minor units (cents), e.g. 1500.")
  @Nullable Long amount;

  @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 currency, e.g. usd.")
  @Nullable String currency;

  @Option(names = "--download-limit", paramLabel = "N", description = "Completed downloads allowed (1-100).")
  @Nullable Integer downloadLimit;

  @Option(names = "--retention-days", paramLabel = "DAYS", description = "At most the product's retention.")
  @Nullable Integer retentionDays;

  @Option(names = "--deposit-key", description = {"Seal the product's key (from this Ailock's keyring) to the buyer "
      + "now: the payment then delivers without you."})
  boolean depositKey;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    var terms = new Commerce.Terms(amount, currency == null ? null : currency.toLowerCase(java.util.Locale.ROOT),
        downloadLimit, retentionDays);
    var http = workspace.http(keys);
    if (depositKey) {
      byte[] inputKey = workspace.keyring(keys).latestInputKey(productId);
      try {
        TransferPrinter.print(spec.commandLine().getOut(),
            new Delivery(http).offerWithKey(productId, recipient, terms, inputKey));
      } finally {
        java.util.Arrays.fill(inputKey, (byte) 0);
      }
      return 0;
    }
    TransferPrinter.print(spec.commandLine().getOut(), new Commerce(http).offer(productId, recipient, terms));
    return 0;
  }
}
