package ai.ailock.distribution.engine.identity;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.Transactions;
import java.time.Clock;
import java.util.Map;

/**
 * Registers an Ailock's first key pair. The Ailock's id is the key id of that first Ed25519 key, so it is
 * self-certifying: nobody can register an id without holding its key. Idempotent: registering the same
 * keys again returns the same identity.
 */
public final class RegisterIdentity {
  private final Identities identities;
  private final SignatureVerifier signatures;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;

  public RegisterIdentity(Identities identities, SignatureVerifier signatures, AuditLog audit,
      Transactions transactions, Clock clock) {
    this.identities = identities;
    this.signatures = signatures;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * @throws DistributionException {@code signature_invalid} if the X25519 binding does not verify,
   *     {@code validation_failed} for an unusable X25519 key, {@code key_conflict} if the Ed25519 key is
   *     registered with a different X25519 key
   */
  public IdentityKey register(byte[] ed25519Public, byte[] x25519Public, byte[] x25519Signature, RequestMeta meta) {
    if (!X25519PublicKeys.acceptable(x25519Public)) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the X25519 key is of small order or not canonical");
    }
    if (!signatures.verify(ed25519Public, X25519Binding.message(x25519Public), x25519Signature)) {
      throw new DistributionException(ErrorCode.SIGNATURE_INVALID, "the X25519 key binding signature does not verify");
    }
    KeyId keyId = KeyId.of(ed25519Public);
    var candidate = new IdentityKey(keyId, new AilockId(keyId.value()), ed25519Public, x25519Public,
        x25519Signature, clock.instant(), null);
    return transactions.inTransaction(() -> {
      if (identities.register(candidate)) {
        audit.record(AuditEntry.of(clock.instant(), candidate.ailock().value(), "identity.registered", meta)
            .with(Map.of("key_id", keyId.value())));
        return candidate;
      }
      IdentityKey existing = identities.key(keyId).orElseThrow();
      if (!java.util.Arrays.equals(existing.x25519Public(), x25519Public)) {
        throw new DistributionException(ErrorCode.KEY_CONFLICT, "this signing key is registered with another X25519 key");
      }
      return existing;
    });
  }
}
