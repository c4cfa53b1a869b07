package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.Identities;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.upload.TrailingDigests;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadState;
import ai.ailock.distribution.schemas.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code attachments-upload-complete}: every chunk is present, the whole ciphertext hashes to the declared SHA-256,
 * and the key envelope is an 80-byte sealed box for the seller's active key. Then, atomically, the session completes
 * and the attachment is recorded; its id is what {@code transfers-requirements-submit} names as the input's value.
 * Idempotent: completing again returns the same attachment.
 */
public final class CompleteAttachmentUpload {
  /** A sealed box of a 32-byte key: 32 + 48 bytes. */
  public static final int ENVELOPE_BYTES = 80;

  private final TransferChanges changes;
  private final AttachmentUploads uploads;
  private final Attachments attachments;
  private final Identities identities;
  private final TrailingDigests digests;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public CompleteAttachmentUpload(TransferChanges changes, AttachmentUploads uploads, Attachments attachments,
      Identities identities, TrailingDigests digests, AuditLog audit, Transactions transactions, Clock clock,
      Supplier<UUID> ids) {
    this.changes = changes;
    this.uploads = uploads;
    this.attachments = attachments;
    this.identities = identities;
    this.digests = digests;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * @param recipientKeyId the seller's key the envelope was sealed to; must be the seller's active key
   * @throws DistributionException {@code upload_not_found}, {@code upload_expired}, {@code upload_incomplete},
   *     {@code ciphertext_hash_mismatch}, {@code validation_failed} (envelope or key), {@code inputs_locked}
   */
  public Attachment complete(Caller buyer, UploadId uploadId, String ciphertextSha256, byte[] keyEnvelope,
      KeyId recipientKeyId) {
    AttachmentUpload upload = uploads.find(uploadId).filter(u -> u.owner().equals(buyer.ailock()))
        .orElseThrow(() -> new DistributionException(ErrorCode.UPLOAD_NOT_FOUND, "no such upload"));
    Optional<Attachment> done = attachments.byUpload(uploadId);
    if (done.isPresent()) {
      return done.get();
    }
    Instant now = clock.instant();
    if (upload.state() != UploadState.OPEN || !now.isBefore(upload.expiresAt())) {
      throw new DistributionException(ErrorCode.UPLOAD_EXPIRED, "the upload session has expired; start a new one");
    }
    Transfer transfer = changes.ofBuyer(upload.transfer(), buyer.ailock());
    transfer.input(upload.inputId()).flatMap(transfer::refusesInput).ifPresent(rejected -> {
      throw rejected.toException();
    });
    checkEnvelope(transfer, keyEnvelope, recipientKeyId);
    List<StoredChunk> held = uploads.chunks(uploadId);
    if (held.size() < upload.chunkCount()) {
      throw new DistributionException(ErrorCode.UPLOAD_INCOMPLETE,
          (upload.chunkCount() - held.size()) + " of " + upload.chunkCount() + " chunks are missing");
    }
    if (!digests.sha256(uploadId, held).equals(ciphertextSha256)) {
      throw new DistributionException(ErrorCode.CIPHERTEXT_HASH_MISMATCH,
          "the held chunks hash to a different ciphertext SHA-256");
    }
    var attachment = new Attachment(new AttachmentId(ids.get()), upload.transfer(), upload.inputId(), uploadId,
        upload.storageType(), upload.storagePrefix(), upload.plaintextSize(), upload.totalSize(), upload.contentType(),
        ciphertextSha256, keyEnvelope, recipientKeyId, now);
    Attachment completed = transactions.inTransaction(() -> {
      if (!uploads.complete(uploadId, ciphertextSha256, now) || !attachments.add(attachment)) {
        return attachments.byUpload(uploadId).orElseThrow(() -> new DistributionException(ErrorCode.UPLOAD_EXPIRED,
            "the upload session has expired; start a new one"));
      }
      audit.record(AuditEntry.of(now, buyer.ailock().value(), "attachment.completed", buyer.meta())
          .transfer(transfer.id().value()).product(transfer.product().value())
          .with(Map.of("attachment_id", attachment.id().toString(), "input_id", attachment.inputId(),
              "ciphertext_sha256", ciphertextSha256, "recipient_key_id", recipientKeyId.value())));
      return attachment;
    });
    digests.forget(uploadId);
    return completed;
  }

  private void checkEnvelope(Transfer transfer, byte[] keyEnvelope, KeyId recipientKeyId) {
    if (keyEnvelope.length != ENVELOPE_BYTES) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "the key envelope must be 80 bytes",
          List.of(new Violation("/key_envelope", "must be an 80-byte sealed box (base64url)")));
    }
    boolean sellersActiveKey = identities.activeKey(transfer.seller()).map(IdentityKey::keyId)
        .filter(recipientKeyId::equals).isPresent();
    if (!sellersActiveKey) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED, "seal the key to the seller's current key",
          List.of(new Violation("/recipient_key_id", "is not the seller's active key")));
    }
  }
}
