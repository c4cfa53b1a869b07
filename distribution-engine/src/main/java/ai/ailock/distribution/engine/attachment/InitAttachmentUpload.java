package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Limits;
import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.audit.AuditEntry;
import ai.ailock.distribution.engine.audit.AuditLog;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.transfer.Transfer;
import ai.ailock.distribution.engine.transfer.TransferChanges;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.engine.upload.UploadState;
import ai.ailock.distribution.schemas.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code attachments-upload-init}: the buyer starts uploading the encrypted file for one of the transfer's
 * {@code file} inputs. The declared media type must be one of the input's {@code mime_types} (a {@code type/*} entry
 * admits its subtypes), the declared size at most {@code max_size_mb} MiB (and the service's product limit), and the
 * ciphertext length exactly the encrypted size. An open session for the same input, type and size that holds no
 * chunk yet is returned (a client that lost the answer goes on with it); otherwise a new session starts, since a new
 * encryption of the same file is a different ciphertext (the earlier session expires).
 */
public final class InitAttachmentUpload {
  private final TransferChanges changes;
  private final AttachmentUploads uploads;
  private final BlobStore blobs;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Limits limits;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public InitAttachmentUpload(TransferChanges changes, AttachmentUploads uploads, BlobStore blobs, AuditLog audit,
      Transactions transactions, Limits limits, Clock clock, Supplier<UUID> ids) {
    this.changes = changes;
    this.uploads = uploads;
    this.blobs = blobs;
    this.audit = audit;
    this.transactions = transactions;
    this.limits = limits;
    this.clock = clock;
    this.ids = ids;
  }

  /** @param chunkSize the client's preferred chunk size, or null for the service's maximum */
  public record Command(TransferId transfer, String inputId, String contentType, long size, long ciphertextLength,
      @Nullable Integer chunkSize) {}

  /**
   * @throws DistributionException {@code transfer_not_found}, {@code not_recipient}, {@code validation_failed} (no
   *     such file input), {@code inputs_locked}, {@code attachment_type_not_allowed}, {@code attachment_too_large},
   *     {@code ciphertext_length_mismatch}
   */
  public AttachmentUpload init(Caller buyer, Command command) {
    Transfer transfer = changes.ofBuyer(command.transfer(), buyer.ailock());
    RequiredInput input = transfer.input(command.inputId())
        .filter(i -> i.type() == RequiredInput.Type.FILE)
        .orElseThrow(() -> new DistributionException(ErrorCode.VALIDATION_FAILED, "no such file input",
            List.of(new Violation("/input_id", "the product has no file input '" + command.inputId() + "'"))));
    transfer.refusesInput(input).ifPresent(rejected -> {
      throw rejected.toException();
    });
    String contentType = command.contentType().toLowerCase(Locale.ROOT);
    checkConstraints(input, contentType, command.size());
    long expected = CiphertextLayout.ciphertextLength(command.size());
    if (command.ciphertextLength() != expected) {
      throw new DistributionException(ErrorCode.CIPHERTEXT_LENGTH_MISMATCH,
          "a " + command.size() + "-byte file encrypts to " + expected + " bytes, not " + command.ciphertextLength());
    }
    Instant now = clock.instant();
    Optional<AttachmentUpload> open = uploads.open(transfer.id(), input.id(), now)
        .filter(u -> u.owner().equals(buyer.ailock()) && u.contentType().equals(contentType)
            && u.plaintextSize() == command.size() && uploads.chunks(u.id()).isEmpty());
    if (open.isPresent()) {
      return open.get();
    }
    int chunkSize = limits.chunkSize(command.chunkSize());
    var id = new UploadId(ids.get());
    var upload = new AttachmentUpload(id, transfer.id(), input.id(), buyer.ailock(), contentType, command.size(),
        expected, chunkSize, UploadSession.chunkCount(expected, chunkSize), blobs.type(),
        new BlobKey("attachments/" + transfer.id() + "/" + input.id() + "/" + id), UploadState.OPEN, null, now,
        now.plus(limits.uploadSessionTtl()));
    return transactions.inTransaction(() -> {
      uploads.add(upload);
      audit.record(AuditEntry.of(now, buyer.ailock().value(), "attachment.upload_started", buyer.meta())
          .transfer(transfer.id().value()).product(transfer.product().value())
          .with(Map.of("upload_id", id.toString(), "input_id", input.id(), "content_type", contentType,
              "size", Long.toString(command.size()))));
      return upload;
    });
  }

  /** Plan §4: {@code constraints.mime_types} and {@code constraints.max_size_mb} apply to file inputs. */
  static void checkConstraints(RequiredInput input, String contentType, long size) {
    RequiredInput.Constraints constraints = input.constraints();
    List<String> allowed = constraints == null ? null : constraints.mimeTypes();
    if (allowed != null && allowed.stream().noneMatch(pattern -> MediaTypes.matches(pattern, contentType))) {
      throw new DistributionException(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED,
          "'" + input.id() + "' accepts " + String.join(", ", allowed) + ", not " + contentType);
    }
    Integer maxMb = constraints == null ? null : constraints.maxSizeMb();
    if (maxMb != null && size > maxMb * 1024L * 1024L) {
      throw new DistributionException(ErrorCode.ATTACHMENT_TOO_LARGE,
          "'" + input.id() + "' accepts files of at most " + maxMb + " MiB");
    }
  }
}
