package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.keystore.PrivateFiles;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import ai.ailock.distribution.client.transfer.ContentRejectedException;
import ai.ailock.distribution.client.transfer.DownloadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The buyer's download ({@code ailock download --transfer}, {@code ailock claim}): a fresh ticket, a download session,
 * the verified file, and a signed receipt kept under the home directory (or sent at once with {@code --ack}).
 */
final class RecipientDownload {
  private RecipientDownload() {}

  static int run(Workspace workspace, CommandSpec spec, TransferFlags flags, String transferId, Path out,
      boolean overwrite, boolean ack) throws Exception {
    AilockKeys keys = workspace.keys();
    Delivery delivery = new Delivery(workspace.http(keys));
    Ticket ticket = delivery.ticket(transferId);
    var progress = ProgressBar.create(spec.commandLine().getErr(), flags.progress);
    long started = System.nanoTime();
    DownloadResult result;
    try {
      result = delivery.download(ticket, out, overwrite, flags.options(), progress);
    } catch (ContentRejectedException rejected) {
      delivery.report(transferId, rejected.verdict().kind(), rejected.verdict().finding());
      spec.commandLine().getOut().println("Rejected:    " + rejected.verdict().kind() + " ("
          + rejected.verdict().finding() + "); no file was written, the content was reported and is quarantined");
      throw rejected;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    DeliveryReceipt receipt = DeliveryReceipt.sign(transferId, result.manifestSha256(), result.clientHash(),
        Instant.now(), keys);
    PrintWriter printer = spec.commandLine().getOut();
    printer.println("File:        " + result.file() + " (" + result.metadata().contentType() + ")");
    printer.println("Plaintext:   " + result.metadata().plaintextLength() + " bytes, SHA-256 " + result.clientHash()
        + " (verified)");
    printer.println("Manifest:    SHA-256 " + result.manifestSha256() + ", signed by " + result.manifest().sellerKeyId());
    printer.println(String.format(Locale.ROOT, "Took %.1f s (%.1f MB/s)", seconds,
        result.metadata().plaintextLength() / seconds / 1e6));
    if (ack) {
      printer.println("Receipt:     sent; the transfer is " + delivery.acknowledge(receipt).state());
    } else {
      PrivateFiles.write(workspace.receipt(transferId), receipt.canonicalBytes(), true);
      printer.println("Receipt:     signed; send it with 'ailock ack " + transferId + "'");
    }
    return 0;
  }
}
