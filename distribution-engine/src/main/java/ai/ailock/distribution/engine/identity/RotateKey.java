package ai.ailock.distribution.engine.identity;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * {@code identities-rotate}: an Ailock replaces its active key pair with a new one and keeps its id. The request is
 * signed by the active key (the old key vouches for the new one); the new Ed25519 key signs its X25519 binding and the
 * {@link KeyRotation} statement (it is held by the caller and meant for this Ailock). The old key is retired, not
 * deleted: manifests and receipts it signed stay verifiable, and it no longer authenticates requests. Claims and running
 * download sessions bound to it end ({@link KeyBoundAccess}); the buyer asks for a fresh ticket with the new key.
 *
 * <p>Not repeatable by design: once it succeeded the old key no longer authenticates. A client that lost the answer
 * finds out by signing a request with the new key (the SDK asks {@code identities-get}); a second rotation signed by
 * the old key is refused as unauthenticated and changes nothing.
 */
public final class RotateKey {
  private final Identities identities;
  private final KeyBoundAccess boundAccess;
  private final SignatureVerifier signatures;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public RotateKey(Identities identities, KeyBoundAccess boundAccess, SignatureVerifier signatures, AuditLog audit,
      Transactions transactions, Clock clock) {
    this.identities = identities;
    this.boundAccess = boundAccess;
    this.signatures = signatures;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @param caller authenticated by its active key, the one retired here
   * @throws DistributionException {@code validation_failed} for an unusable X25519 key or the caller's own key,
   *     {@code signature_invalid} if the binding or the rotation statement does not verify with the new key,
   *     {@code key_conflict} if the new key is registered already (to anyone), {@code concurrent_update} if another
   *     rotation retired the caller's key first
   */
  public IdentityKey rotate(Caller caller, byte[] ed25519Public, byte[] x25519Public, byte[] x25519Signature,
      byte[] rotationSignature) {
    if (!X25519PublicKeys.acceptable(x25519Public)) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the X25519 key is of small order or not canonical");
    }
    KeyId next = KeyId.of(ed25519Public);
    if (next.equals(caller.keyId())) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the new key is the key being retired");
    }
    if (!signatures.verify(ed25519Public, X25519Binding.message(x25519Public), x25519Signature)) {
      throw new DistributionException(ErrorCode.SIGNATURE_INVALID, "the X25519 key binding signature does not verify");
    }
    if (!signatures.verify(ed25519Public, KeyRotation.message(caller.ailock(), caller.keyId()), rotationSignature)) {
      throw new DistributionException(ErrorCode.SIGNATURE_INVALID,
          "the rotation statement is not signed by the new key for this Ailock and key");
    }
    Instant now = clock.instant();
    var candidate = new IdentityKey(next, caller.ailock(), ed25519Public, x25519Public, x25519Signature, now, null);
    return transactions.inTransaction(() -> {
      if (identities.key(next).isPresent()) {
        throw new DistributionException(ErrorCode.KEY_CONFLICT, "the new signing key is registered already");
      }
      if (!identities.rotate(caller.keyId(), candidate)) {
        throw new DistributionException(ErrorCode.CONCURRENT_UPDATE, "the key was rotated concurrently");
      }
      int ended = boundAccess.endAccessBoundTo(caller.keyId(), now);
      audit.record(AuditEntry.of(now, caller.ailock().value(), "identity.key_rotated", caller.meta())
          .with(Map.of("retired_key_id", caller.keyId().value(), "key_id", next.value(),
              "access_ended", Integer.toString(ended))));
      return candidate;
    });
  }
}
