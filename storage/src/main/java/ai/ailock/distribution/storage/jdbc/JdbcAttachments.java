package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.attachment.Attachments;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.UploadId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Attachments} on {@code dist_transfer_attachments}; the key envelope is kept as base64url text. */
public final class JdbcAttachments implements Attachments {
  private final JdbcClient jdbc;

  public JdbcAttachments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(Attachment a) {
    return jdbc.sql("""
            INSERT INTO dist_transfer_attachments (id, transfer_id, input_id, upload_id, storage_type, storage_pointer,
                                                   size, content_type, checksum, created_at, key_envelope,
                                                   recipient_key_id, ciphertext_length)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (upload_id) DO NOTHING""")
        .params(a.id().value(), a.transfer().value(), a.inputId(), a.upload().value(), a.storageType(),
            a.storagePointer().value(), a.size(), a.contentType(), a.ciphertextSha256(), Timestamps.of(a.createdAt()),
            Base64.getUrlEncoder().withoutPadding().encodeToString(a.keyEnvelope()), a.recipientKeyId().value(),
            a.ciphertextLength())
        .update() == 1;
  }

  @Override
  public Optional<Attachment> find(AttachmentId id) {
    return jdbc.sql("SELECT * FROM dist_transfer_attachments WHERE id = ? AND purged_at IS NULL").param(id.value())
        .query(JdbcAttachments::map).optional();
  }

  @Override
  public Optional<Attachment> byUpload(UploadId upload) {
    return jdbc.sql("SELECT * FROM dist_transfer_attachments WHERE upload_id = ?").param(upload.value())
        .query(JdbcAttachments::map).optional();
  }

  private static Attachment map(ResultSet rs, int row) throws SQLException {
    return new Attachment(new AttachmentId(rs.getObject("id", UUID.class)),
        new TransferId(rs.getObject("transfer_id", UUID.class)), rs.getString("input_id"),
        new UploadId(rs.getObject("upload_id", UUID.class)), rs.getString("storage_type"),
        new BlobKey(rs.getString("storage_pointer")), rs.getLong("size"), rs.getLong("ciphertext_length"),
        rs.getString("content_type"), rs.getString("checksum"),
        Base64.getUrlDecoder().decode(rs.getString("key_envelope")), new KeyId(rs.getString("recipient_key_id")),
        Timestamps.readRequired(rs, "created_at"));
  }
}
