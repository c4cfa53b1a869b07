package ai.ailock.distribution.engine.attachment;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.UploadId;
import java.time.Instant;

/**
 * A completed buyer attachment (plan §4: storage type and pointer, size, content type, checksum, linked to the
 * transfer), with the key envelope sealed to the seller.
 *
 * @param size the plaintext size the buyer declared (its ciphertext length follows from it exactly)
 * @param ciphertextSha256 SHA-256 of the whole ciphertext ({@code checksum})
 * @param keyEnvelope the 80-byte sealed box holding the attachment's input key, for {@code recipientKeyId}
 * @param recipientKeyId the seller's key the envelope is sealed to
 */
public record Attachment(AttachmentId id, TransferId transfer, String inputId, UploadId upload, String storageType,
    BlobKey storagePointer, long size, long ciphertextLength, String contentType, String ciphertextSha256,
    byte[] keyEnvelope, KeyId recipientKeyId, Instant createdAt) {

  public Attachment {
    keyEnvelope = keyEnvelope.clone();
  }

  @Override
  public byte[] keyEnvelope() {
    return keyEnvelope.clone();
  }
}
