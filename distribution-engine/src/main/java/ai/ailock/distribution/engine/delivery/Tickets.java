package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferState;
import ai.ailock.distribution.engine.upload.Sha256Hex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues delivery tickets and grants deposited keys: the steps {@link GrantDelivery} and {@link IssueTicket} share.
 * Call inside a transaction.
 */
final class Tickets {
  private final DeliveryPorts ports;

  Tickets(DeliveryPorts ports) {
    this.ports = ports;
  }

  /** @return the transfer's held envelope; refuses if none was deposited or it was destroyed */
  DepositedKey heldKey(Transfer transfer) {
    DepositedKey key = ports.keys().find(transfer.id()).orElseThrow(() -> new DistributionException(
        ErrorCode.KEY_NOT_DEPOSITED, "the seller has not deposited the key envelope yet"));
    if (key.destroyed()) {
      throw new DistributionException(ErrorCode.ACCESS_REVOKED, "the key envelope was destroyed");
    }
    return key;
  }

  /**
   * Moves a {@code paid} transfer with a held envelope to {@code delivered}; leaves a delivered one as it is.
   *
   * @throws DistributionException {@code key_not_deposited}, {@code access_revoked}, {@code copy_required},
   *     {@code content_quarantined}
   */
  Transfer deliverIfPaid(Transfer transfer, String actor, RequestMeta meta) {
    if (transfer.state() != TransferState.PAID) {
      return transfer;
    }
    DepositedKey key = heldKey(transfer);
    ports.requireNotQuarantined(transfer);
    copyRefusal(transfer, key).ifPresent(refusal -> {
      throw refusal;
    });
    return ports.changes().store(transfer.deliver(ports.clock().instant()).orThrow(), actor, meta);
  }

  /**
   * A transfer with a personalized copy, or of a product whose policy asks for one, is delivered only with that
   * copy: uploaded and published, and with an envelope deposited after it was (an envelope from before cannot hold
   * the copy's key, which did not exist yet).
   *
   * @return why the transfer cannot be delivered as it stands, or empty if it can
   */
  Optional<DistributionException> copyRefusal(Transfer transfer, DepositedKey key) {
    Optional<ProductCopy> copy = ports.copies().forTransfer(transfer.id().value());
    if (copy.isEmpty() && !transfer.terms().personalizedCopies()) {
      return Optional.empty();
    }
    ProductContent content = copy.flatMap(c -> ports.products().find(c.product())).map(Product::content)
        .orElse(null);
    if (content == null) {
      return Optional.of(new DistributionException(ErrorCode.COPY_REQUIRED,
          "this transfer is delivered only with the buyer's personalized copy; create and upload it first"));
    }
    if (key.createdAt().isBefore(content.readyAt())) {
      return Optional.of(new DistributionException(ErrorCode.COPY_REQUIRED,
          "the held key envelope predates the personalized copy; deposit the copy's key"));
    }
    return Optional.empty();
  }

  /** Issues a fresh claim token for the delivered transfer and returns it with the envelope. */
  DeliveryTicket issue(Transfer transfer, String actor, RequestMeta meta) {
    Instant now = ports.clock().instant();
    DepositedKey key = heldKey(transfer);
    ports.requireNotQuarantined(transfer);
    Product product = ports.deliveredProduct(transfer);
    ProductContent content = DeliveryGate.content(product, now);
    IdentityKey buyerKey = ports.identities().activeKey(transfer.buyer()).orElseThrow(() ->
        new DistributionException(ErrorCode.AILOCK_NOT_FOUND, "the recipient has no active key"));
    Instant expiresAt = earliest(now.plus(ports.settings().claimTtl()), transfer.expiresAt(),
        Objects.requireNonNull(product.expiresAt()));
    UUID jti = ports.ids().get();
    ClaimTokens.Issued issued = ports.tokens().issue(new ClaimToken(jti, transfer.id(), transfer.buyer(),
        KeyThumbprint.of(buyerKey.ed25519Public()), now, expiresAt));
    ports.claims().add(new Claim(jti, transfer.id(), transfer.buyer(), buyerKey.keyId(), hash(issued.token()),
        issued.signingKid(), now, expiresAt, null, null));
    ports.audit().record(AuditEntry.of(now, actor, "delivery.claim_issued", meta)
        .transfer(transfer.id().value()).product(transfer.product().value())
        .with(Map.of("jti", jti.toString(), "expires_at", expiresAt.toString(), "signing_kid", issued.signingKid(),
            "recipient_key_id", buyerKey.keyId().value())));
    int used = (int) ports.sessions().ofTransfer(transfer.id()).stream().filter(DownloadSession::completed).count();
    return new DeliveryTicket(transfer, product.id(), transfer.seller(), content.manifestSha256(),
        Objects.requireNonNull(key.envelope()), key.recipientKeyId(), issued.token(), expiresAt,
        transfer.terms().downloadLimit(), used);
  }

  static String hash(String token) {
    return Sha256Hex.of(token.getBytes(StandardCharsets.US_ASCII));
  }

  private static Instant earliest(Instant a, Instant b, Instant c) {
    Instant min = a.isBefore(b) ? a : b;
    return min.isBefore(c) ? min : c;
  }
}
