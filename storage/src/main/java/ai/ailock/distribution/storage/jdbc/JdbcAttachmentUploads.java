package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.attachment.AttachmentUpload;
import ai.ailock.distribution.engine.attachment.AttachmentUploads;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSessions;
import ai.ailock.distribution.engine.upload.UploadState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link AttachmentUploads} on {@code dist_upload_sessions} (purpose {@code attachment}) and {@code dist_upload_chunks}.
 * Chunks are stored exactly as product chunks are, so the chunk operations are those of {@link JdbcUploadSessions}.
 */
public final class JdbcAttachmentUploads implements AttachmentUploads {
  private final JdbcClient jdbc;
  private final JdbcUploadSessions chunks;

  /** @param clock the engine's clock: a chunk is held only while its session is open at this clock's now */
  public JdbcAttachmentUploads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.chunks = new JdbcUploadSessions(jdbc, clock);
  }

  @Override
  public void add(AttachmentUpload u) {
    jdbc.sql("""
            INSERT INTO dist_upload_sessions (id, purpose, transfer_id, input_id, owner_ailock_id, content_version,
                                              total_size, chunk_size, chunk_count, storage_type, storage_prefix, status,
                                              content_type, plaintext_size, created_at, expires_at)
            VALUES (?, 'attachment', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(u.id().value(), u.transfer().value(), u.inputId(), u.owner().value(), u.totalSize(), u.chunkSize(),
            u.chunkCount(), u.storageType(), u.storagePrefix().value(), u.state().wire(), u.contentType(),
            u.plaintextSize(), Timestamps.of(u.createdAt()), Timestamps.of(u.expiresAt()))
        .update();
  }

  @Override
  public Optional<AttachmentUpload> find(UploadId id) {
    return jdbc.sql("SELECT * FROM dist_upload_sessions WHERE id = ? AND purpose = 'attachment'")
        .param(id.value()).query(JdbcAttachmentUploads::map).optional();
  }

  @Override
  public Optional<AttachmentUpload> open(TransferId transfer, String inputId, Instant now) {
    return jdbc.sql("""
            SELECT * FROM dist_upload_sessions
            WHERE purpose = 'attachment' AND transfer_id = ? AND input_id = ? AND status = 'open' AND expires_at > ?
            ORDER BY created_at DESC LIMIT 1""")
        .params(transfer.value(), inputId, Timestamps.of(now)).query(JdbcAttachmentUploads::map).optional();
  }

  @Override
  public List<StoredChunk> chunks(UploadId id) {
    return chunks.chunks(id);
  }

  @Override
  public Optional<StoredChunk> chunk(UploadId id, int index) {
    return chunks.chunk(id, index);
  }

  @Override
  public Optional<UploadSessions.Held> hold(UploadId id, StoredChunk chunk) {
    return chunks.hold(id, chunk);
  }

  @Override
  public boolean complete(UploadId id, String ciphertextSha256, Instant at) {
    return chunks.complete(id, ciphertextSha256, at);
  }

  private static AttachmentUpload map(ResultSet rs, int row) throws SQLException {
    return new AttachmentUpload(new UploadId(rs.getObject("id", UUID.class)),
        new TransferId(rs.getObject("transfer_id", UUID.class)), rs.getString("input_id"),
        new AilockId(rs.getString("owner_ailock_id")), rs.getString("content_type"), rs.getLong("plaintext_size"),
        rs.getLong("total_size"), rs.getInt("chunk_size"), rs.getInt("chunk_count"), rs.getString("storage_type"),
        new BlobKey(rs.getString("storage_prefix")), UploadState.fromWire(rs.getString("status")),
        rs.getString("ciphertext_sha256"), Timestamps.readRequired(rs, "created_at"),
        Timestamps.readRequired(rs, "expires_at"));
  }
}
