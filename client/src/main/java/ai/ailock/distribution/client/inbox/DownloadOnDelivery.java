package ai.ailock.distribution.client.inbox;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.delivery.Delivery;
import ai.ailock.distribution.client.delivery.Ticket;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.keystore.PrivateFiles;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import ai.ailock.distribution.client.transfer.ContentRejectedException;
import ai.ailock.distribution.client.transfer.ContentScanner;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The buyer's reaction to {@code product_delivery}: asks for its ticket, claims, downloads into
 * {@code downloads/<transfer_id>/}, decrypts and verifies (seller's signature, every chunk, the plaintext hash),
 * signs a receipt, keeps it in {@code receipts/<transfer_id>.json} (owner-only) and acknowledges with it. Idempotent:
 * a transfer acknowledged already (or not delivered) is left alone, and one downloaded before whose acknowledgement
 * did not arrive is acknowledged with the kept receipt instead of being downloaded again. Failures are thrown, for
 * the listener to report; progress goes to the {@link TransferListener}.
 */
public final class DownloadOnDelivery implements InboxHandler {
  private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  /**
   * What the reaction did.
   *
   * @param transfer the transfer after the acknowledgement
   * @param download the verified download, or null if the product was downloaded before and only acknowledged now
   */
  public record Received(TransferInfo transfer, @Nullable DownloadResult download) {}

  private final SignedHttp http;
  private final Commerce commerce;
  private final Delivery delivery;
  private final Path downloads;
  private final Path receipts;
  private final TransferOptions options;
  private final TransferListener progress;
  private final Clock clock;

  /**
   * @param downloads where each transfer's product is written, in a folder named after the transfer
   * @param receipts where signed receipts are kept (owner-only files)
   */
  public DownloadOnDelivery(SignedHttp http, Path downloads, Path receipts, TransferOptions options,
      TransferListener progress) {
    this.http = http;
    this.commerce = new Commerce(http);
    this.delivery = new Delivery(http);
    this.downloads = downloads;
    this.receipts = receipts;
    this.options = options;
    this.progress = progress;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void handle(InboxMessage message) throws IOException, GeneralSecurityException {
    react(message);
  }

  /**
   * @return what was received and acknowledged now, or empty if there was nothing to do
   * @throws ai.ailock.distribution.client.http.DistributionApiException if the service refused a step
   * @throws GeneralSecurityException if the download did not verify (no file is left); a
   *     {@link ContentRejectedException} when the options' scanner rejected the content, which was then reported
   *     ({@code products-report}) and is not acknowledged
   */
  public Optional<Received> react(InboxMessage message) throws IOException, GeneralSecurityException {
    String transferId = message.transferId();
    if (!TRANSFER_ID.matcher(transferId).matches()) {
      throw new IllegalArgumentException("malformed transfer id in " + message);
    }
    TransferInfo transfer = commerce.transfer(transferId);
    if (!"delivered".equals(transfer.state())) {
      return Optional.empty();
    }
    Path receiptFile = receipts.resolve(transferId + ".json");
    if (Files.exists(receiptFile)) {
      DeliveryReceipt kept = DeliveryReceipt.parse(PrivateFiles.read(receiptFile));
      return Optional.of(new Received(delivery.acknowledge(kept), null));
    }
    Ticket ticket = delivery.ticket(transferId);
    DownloadResult result;
    try {
      result = delivery.download(ticket, downloads.resolve(transferId), true, options, progress);
    } catch (ContentRejectedException rejected) {
      // the scanner found something: tell the service (which quarantines the product) and never acknowledge
      ContentScanner.Verdict verdict = rejected.verdict();
      delivery.report(transferId, verdict.kind(), verdict.finding());
      throw rejected;
    }
    DeliveryReceipt receipt = DeliveryReceipt.sign(transferId, result.manifestSha256(), result.clientHash(),
        clock.instant(), http.keys());
    PrivateFiles.write(receiptFile, receipt.canonicalBytes(), true);
    return Optional.of(new Received(delivery.acknowledge(receipt), result));
  }
}
