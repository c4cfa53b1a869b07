package ai.ailock.distribution.engine.delivery;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.schemas.Violation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seller deposits its key envelope for the buyer: the product's input key sealed (with the SDK's
 * {@code KeyEnvelopes.sealTo}) to the buyer's active X25519 key. Allowed from the offer until the grant; the service
 * stores it as opaque bytes and releases it only in a delivery ticket. A deposit replaces an earlier one until the
 * transfer is delivered; afterwards only the same envelope is accepted again (idempotent).
 */
public final class DepositKey {
  private final DeliveryPorts ports;

  public DepositKey(DeliveryPorts ports) {
    this.ports = ports;
  }

  /** The envelope and the key it is sealed to, as the seller sends them. */
  public record Deposit(byte[] envelope, KeyId recipientKeyId) {
    public Deposit {
      envelope = envelope.clone();
    }

    @Override
    public byte[] envelope() {
      return envelope.clone();
    }
  }

  /**
   * @throws DistributionException {@code transfer_not_found}, {@code not_seller}, {@code validation_failed}
   *     ({@code /key_envelope} not 80 bytes, {@code /recipient_key_id} not the buyer's active key),
   *     {@code key_already_granted}, {@code access_revoked}
   */
  public DepositedKey deposit(Caller seller, TransferId id, Deposit deposit) {
    return ports.transactions().inTransaction(() -> depositWithin(seller, id, deposit));
  }

  /** As {@link #deposit}, joining the caller's transaction. */
  DepositedKey depositWithin(Caller seller, TransferId id, Deposit deposit) {
    Transfer transfer = ofSeller(ports, id, seller);
    if (deposit.envelope().length != DepositedKey.ENVELOPE_LENGTH) {
      throw invalid("/key_envelope", "must be the 80-byte sealed box of the input key");
    }
    IdentityKey buyerKey = ports.identities().activeKey(transfer.buyer()).orElseThrow();
    if (!buyerKey.keyId().equals(deposit.recipientKeyId())) {
      throw invalid("/recipient_key_id", "must be the recipient's active key " + buyerKey.keyId());
    }
    Optional<DepositedKey> earlier = ports.keys().find(id);
    if (earlier.isPresent() && earlier.get().destroyed()) {
      throw new DistributionException(ErrorCode.ACCESS_REVOKED, "the transfer's key envelope was destroyed");
    }
    switch (transfer.state()) {
      case OFFERED, INVOICED, PAID_PENDING_INPUTS, PAID -> { }
      case DELIVERED, ACKNOWLEDGED, DISPUTED -> {
        if (earlier.isPresent() && Arrays.equals(earlier.get().envelope(), deposit.envelope())) {
          return earlier.get();
        }
        throw new DistributionException(ErrorCode.KEY_ALREADY_GRANTED,
            "the transfer was delivered with another key envelope");
      }
      default -> throw new DistributionException(ErrorCode.ACCESS_REVOKED,
          "access ended: the transfer is " + transfer.state().wire());
    }
    Instant now = ports.clock().instant();
    var key = new DepositedKey(earlier.map(DepositedKey::id).orElseGet(ports.ids()), transfer.product(), id,
        transfer.buyer(), deposit.recipientKeyId(), deposit.envelope(), now, transfer.expiresAt(), null);
    if (!ports.keys().deposit(key)) {
      throw new DistributionException(ErrorCode.ACCESS_REVOKED, "the transfer's key envelope was destroyed");
    }
    ports.audit().record(AuditEntry.of(now, seller.ailock().value(), "delivery.key_deposited", seller.meta())
        .transfer(id.value()).product(transfer.product().value())
        .with(Map.of("recipient_key_id", deposit.recipientKeyId().value(), "state", transfer.state().wire(),
            "replaced", Boolean.toString(earlier.isPresent()))));
    return key;
  }

  /**
   * @return the transfer if {@code seller} is its seller
   * @throws DistributionException {@code not_seller} for its buyer, {@code transfer_not_found} for others
   */
  static Transfer ofSeller(DeliveryPorts ports, TransferId id, Caller seller) {
    Transfer transfer = ports.changes().visibleTo(id, seller.ailock());
    if (!transfer.seller().equals(seller.ailock())) {
      throw new DistributionException(ErrorCode.NOT_SELLER, "only the transfer's seller may do this");
    }
    return transfer;
  }

  private static DistributionException invalid(String pointer, String message) {
    return new DistributionException(ErrorCode.VALIDATION_FAILED, "the key envelope is not acceptable",
        List.of(new Violation(pointer, message)));
  }
}
