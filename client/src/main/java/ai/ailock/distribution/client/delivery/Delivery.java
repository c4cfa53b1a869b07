package ai.ailock.distribution.client.delivery;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.TransferInfo;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.identity.PublicIdentity;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery functions of the service (docs/delivery.md), for one Ailock. Seller: {@link #offerWithKey},
 * {@link #grant}, {@link #revoke}, {@link #evidence}. Buyer: {@link #ticket}, {@link #claim}, {@link #download},
 * {@link #acknowledge}, {@link #dispute}. Refusals are {@link DistributionApiException}s with the stable {@code code}.
 * Thread-safe.
 */
public final class Delivery {
  private final SignedHttp http;
  private final Clock clock;

  public Delivery(SignedHttp http) {
    this(http, Clock.systemUTC());
  }

  /** @param clock dates receipts */
  public Delivery(SignedHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /**
   * {@code products-offer} with the envelope deposited at once: the payment then delivers without the seller.
   *
   * @param inputKey the product version's 32-byte Cobblestone input key (the seller's keyring holds it)
   * @throws GeneralSecurityException if the buyer's X25519 key is not bound to its identity or is unusable
   */
  public TransferInfo offerWithKey(String productId, String recipient, Commerce.Terms terms, byte[] inputKey)
      throws GeneralSecurityException {
    PublicIdentity buyer = new HttpIdentities(http).lookup(recipient);
    ObjectNode body = Commerce.offerBody(productId, recipient, terms);
    body.put("key_envelope", seal(inputKey, buyer));
    body.put("recipient_key_id", buyer.keyId());
    return TransferInfo.of(http.postJson("products-offer", body));
  }

  /**
   * {@code products-grant}: seals {@code inputKey} to the buyer's X25519 key (binding checked) and releases it; the
   * transfer must be paid with every input in. With {@code inputKey} null, grants the envelope deposited with the
   * offer. Granting again returns a fresh ticket.
   */
  public Ticket grant(String transferId, byte @Nullable [] inputKey) throws GeneralSecurityException {
    ObjectNode body = WireJson.mapper().createObjectNode().put("transfer_id", transferId);
    if (inputKey != null) {
      TransferInfo transfer = new Commerce(http).transfer(transferId);
      PublicIdentity buyer = new HttpIdentities(http).lookup(transfer.recipient());
      body.put("key_envelope", seal(inputKey, buyer));
      body.put("recipient_key_id", buyer.keyId());
    }
    return Ticket.of(http.postJson("products-grant", body));
  }

  /** {@code products-ticket}: the buyer's delivery ticket (delivers a paid transfer whose envelope was deposited). */
  public Ticket ticket(String transferId) {
    return Ticket.of(http.postJson("products-ticket", Map.of("transfer_id", transferId)));
  }

  /** {@code products-claim}: redeems the ticket's one-time claim and opens a download session. */
  public DownloadSessionInfo claim(Ticket ticket) {
    return DownloadSessionInfo.of(http.postJson("products-claim", Map.of("transfer_id", ticket.transferId()),
        Map.of(ClaimContentSource.CLAIM_HEADER, ticket.claimToken())));
  }

  /**
   * Claims a session, downloads through it, and verifies everything before the file appears: the manifest's seller
   * signature (the seller's registered key that signed it, current or retired, binding checked), every chunk's hash,
   * the ciphertext's authentication and the plaintext's hash. The envelope is opened with the X25519 key of the key id
   * it was sealed to (this Ailock's current key, or a retired one it kept).
   */
  public DownloadResult download(Ticket ticket, Path directory, boolean overwrite, TransferOptions options,
      TransferListener listener) throws IOException, GeneralSecurityException {
    claim(ticket);
    var source = new ClaimContentSource(http, ticket.transferId(), ticket.claimToken());
    PublicIdentity seller = new HttpIdentities(http).signerOf(ticket.seller(), source.manifest());
    AilockKeys keys = http.keys();
    var request = new DownloadRequest(ticket.productId(), seller.ed25519PublicKey(),
        (product, version) -> KeyEnvelopes.open(ticket.keyEnvelope(), keys.encryptionFor(ticket.recipientKeyId())),
        directory, overwrite, ticket.transferId());
    return new Downloader(options).download(source, request, listener);
  }

  /** {@code products-ack}: signs a receipt for the verified download and sends it. @return the transfer after */
  public TransferInfo acknowledge(String transferId, DownloadResult result) {
    DeliveryReceipt receipt = DeliveryReceipt.sign(transferId, result.manifestSha256(), result.clientHash(),
        clock.instant(), http.keys());
    return acknowledge(receipt);
  }

  /** {@code products-ack} with a receipt signed before. */
  public TransferInfo acknowledge(DeliveryReceipt receipt) {
    return TransferInfo.of(http.postJson("products-ack", Map.of("transfer_id", receipt.transferId(),
        "receipt", receipt.toJson())));
  }

  /**
   * {@code products-report} (buyer): reports malware or abuse found in this transfer's content; the product is
   * quarantined (docs/content.md). Idempotent per transfer and kind.
   *
   * @param kind {@code malware} or {@code abuse}
   */
  public JsonNode report(String transferId, String kind, String detail) {
    return http.postJson("products-report", Map.of("transfer_id", transferId, "kind", kind, "detail", detail));
  }

  /**
   * {@code content-reports-list} (a reviewer the operator named): the open reports, oldest first, at most {@code
   * limit} (1-100): {@code {"reports": [...]}}.
   */
  public JsonNode openReports(int limit) {
    return http.getJson("content-reports-list", Map.of("limit", Integer.toString(limit)));
  }

  /**
   * {@code content-reports-clear} (a reviewer): clears a report after review, with the reason; its product is served
   * again once no report of it is open. Idempotent: a cleared report keeps its first clearance.
   */
  public JsonNode clearReport(String reportId, String reason) {
    return http.postJson("content-reports-clear", Map.of("report_id", reportId, "reason", reason));
  }

  /** {@code products-revoke} (seller): ends access at once and destroys the key envelope. */
  public TransferInfo revoke(String transferId, String reason) {
    return TransferInfo.of(http.postJson("products-revoke", Map.of("transfer_id", transferId, "reason", reason)));
  }

  /** {@code products-dispute} (buyer or seller). */
  public TransferInfo dispute(String transferId, String reason) {
    return TransferInfo.of(http.postJson("products-dispute", Map.of("transfer_id", transferId, "reason", reason)));
  }

  /** {@code products-dispute-evidence}: the receipt, download sessions and access log of a transfer. */
  public JsonNode evidence(String transferId) {
    return http.getJson("products-dispute-evidence", Map.of("transfer_id", transferId));
  }

  private static String seal(byte[] inputKey, PublicIdentity buyer) throws GeneralSecurityException {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(KeyEnvelopes.sealTo(inputKey, buyer));
  }
}
