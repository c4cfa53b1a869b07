package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.ratelimit.ThrottledAction;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.transfer.TransferState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code products-ack}: the buyer's signed receipt (docs/crypto.md, "Receipts") makes a delivered transfer
 * {@code acknowledged}. Checked: the receipt names this transfer ({@code receipt_mismatch}) and the manifest the
 * product was published with ({@code receipt_mismatch}); {@code recipient_key_id} is a key of the buyer, active or
 * retired, and the signature verifies with it strictly ({@code receipt_invalid}); a download session was opened
 * ({@code not_downloaded}); {@code received_at} lies between the first session's opening and now, within the allowed
 * skew ({@code receipt_invalid}). The receipt is kept as evidence, and completes the latest unfinished download session
 * (counting it once). Sending the same receipt again is answered as before; another one is {@code already_acknowledged}.
 */
public final class AcknowledgeDelivery {
  private final DeliveryPorts ports;

  public AcknowledgeDelivery(DeliveryPorts ports) {
    this.ports = ports;
  }

  /**
   * @throws DistributionException as above, and {@code transfer_not_found}, {@code not_recipient},
   *     {@code illegal_transition} (not delivered), {@code product_expired}, {@code rate_limited}
   */
  public Transfer acknowledge(Caller buyer, TransferId id, SignedReceipt receipt) {
    ports.throttle().take(buyer.ailock(), ThrottledAction.ACK);
    Transfer transfer = ports.changes().ofBuyer(id, buyer.ailock());
    verify(buyer, transfer, receipt);
    return ports.changes().retrying(() -> {
      Transfer current = ports.changes().ofBuyer(id, buyer.ailock());
      if (current.state() == TransferState.ACKNOWLEDGED) {
        return sameAsStored(current, receipt);
      }
      Instant now = ports.clock().instant();
      Transfer acknowledged = ports.changes().store(current.acknowledge(now, Map.of("client_hash",
          receipt.clientHash(), "manifest_sha256", receipt.manifestSha256(),
          "recipient_key_id", receipt.recipientKeyId().value())).orThrow(), buyer.ailock().value(), buyer.meta());
      var meta = new HashMap<String, String>();
      meta.put("receipt", receipt.canonicalJson());
      if (buyer.meta().ip() != null) {
        meta.put("ip", buyer.meta().ip());
      }
      if (buyer.meta().userAgent() != null) {
        meta.put("user_agent", buyer.meta().userAgent());
      }
      if (!ports.receipts().add(new StoredReceipt(ports.ids().get(), id, receipt.clientHash(),
          receipt.manifestSha256(), receipt.recipientKeyId(), receipt.signature(), receipt.receivedAt(), now, meta))) {
        throw new DistributionException(ErrorCode.ALREADY_ACKNOWLEDGED, "the transfer has a receipt already");
      }
      completeLatestSession(buyer, id, now);
      return acknowledged;
    });
  }

  private void verify(Caller buyer, Transfer transfer, SignedReceipt receipt) {
    if (!receipt.transferId().equals(transfer.id().toString())) {
      throw new DistributionException(ErrorCode.RECEIPT_MISMATCH, "the receipt is for another transfer");
    }
    IdentityKey key = ports.identities().key(receipt.recipientKeyId())
        .filter(k -> k.ailock().equals(buyer.ailock()))
        .orElseThrow(() -> invalid("recipient_key_id is not a key of the recipient"));
    if (!ports.signatures().verify(key.ed25519Public(), receipt.signedBytes(), receipt.signature())) {
      throw invalid("the receipt's signature does not verify");
    }
    Product product = ports.deliveredProduct(transfer);
    String manifest = DeliveryGate.content(product, ports.clock().instant()).manifestSha256();
    if (!manifest.equals(receipt.manifestSha256())) {
      throw new DistributionException(ErrorCode.RECEIPT_MISMATCH, "the receipt names another manifest");
    }
    List<DownloadSession> sessions = ports.sessions().ofTransfer(transfer.id());
    Instant firstOpened = sessions.stream().map(DownloadSession::openedAt).min(Comparator.naturalOrder())
        .orElseThrow(() -> new DistributionException(ErrorCode.NOT_DOWNLOADED,
            "no download of this transfer was ever opened"));
    Instant now = ports.clock().instant();
    if (receipt.receivedAt().isBefore(firstOpened.minus(ports.settings().receiptSkew()))) {
      throw invalid("received_at is before the download started");
    }
    if (receipt.receivedAt().isAfter(now.plus(ports.settings().receiptSkew()))) {
      throw invalid("received_at is in the future");
    }
  }

  private Transfer sameAsStored(Transfer acknowledged, SignedReceipt receipt) {
    StoredReceipt stored = ports.receipts().find(acknowledged.id()).orElseThrow();
    if (Arrays.equals(stored.signature(), receipt.signature())) {
      return acknowledged;
    }
    throw new DistributionException(ErrorCode.ALREADY_ACKNOWLEDGED, "the transfer was acknowledged with another receipt");
  }

  private void completeLatestSession(Caller buyer, TransferId id, Instant now) {
    ports.sessions().ofTransfer(id).stream().filter(s -> !s.completed() && s.revokedAt() == null)
        .max(Comparator.comparing(DownloadSession::openedAt))
        .filter(s -> ports.sessions().complete(s.id(), now, DownloadSession.BY_RECEIPT))
        .ifPresent(s -> ports.audit().record(AuditEntry.of(now, buyer.ailock().value(), "delivery.download_completed",
            buyer.meta()).transfer(id.value()).with(Map.of("session", s.id().toString(),
            "by", DownloadSession.BY_RECEIPT))));
  }

  private static DistributionException invalid(String detail) {
    return new DistributionException(ErrorCode.RECEIPT_INVALID, detail);
  }

}
