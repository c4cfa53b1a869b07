package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
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

/** {@link UploadSessions} on {@code dist_upload_sessions} and {@code dist_upload_chunks} (product uploads). */
public final class JdbcUploadSessions implements UploadSessions {
  private final JdbcClient jdbc;
  private final Clock clock;

  /** @param clock the engine's clock: a chunk is held only while its session is open at this clock's now */
  public JdbcUploadSessions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public boolean add(UploadSession s) {
    return jdbc.sql("""
            INSERT INTO dist_upload_sessions (id, purpose, product_id, owner_ailock_id, content_version, total_size,
                                              chunk_size, chunk_count, storage_type, storage_prefix, status,
                                              created_at, expires_at)
            VALUES (?, 'product', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(s.id().value(), s.product().value(), s.owner().value(), s.contentVersion(), s.totalSize(),
            s.chunkSize(), s.chunkCount(), s.storageType(), s.storagePrefix().value(), s.state().wire(),
            Timestamps.of(s.createdAt()), Timestamps.of(s.expiresAt()))
        .update() == 1;
  }

  @Override
  public Optional<UploadSession> find(UploadId id) {
    return jdbc.sql("SELECT * FROM dist_upload_sessions WHERE id = ? AND purpose = 'product'")
        .param(id.value()).query(JdbcUploadSessions::map).optional();
  }

  @Override
  public Optional<UploadSession> current(ProductId product, int contentVersion) {
    return jdbc.sql("""
            SELECT * FROM dist_upload_sessions
            WHERE product_id = ? AND content_version = ? AND status IN ('open', 'completed')""")
        .params(product.value(), contentVersion).query(JdbcUploadSessions::map).optional();
  }

  @Override
  public List<StoredChunk> chunks(UploadId id) {
    return jdbc.sql("SELECT * FROM dist_upload_chunks WHERE upload_id = ? ORDER BY idx")
        .param(id.value()).query(JdbcUploadSessions::mapChunk).list();
  }

  @Override
  public Optional<StoredChunk> chunk(UploadId id, int index) {
    return jdbc.sql("SELECT * FROM dist_upload_chunks WHERE upload_id = ? AND idx = ?")
        .params(id.value(), index).query(JdbcUploadSessions::mapChunk).optional();
  }

  @Override
  public Optional<Slot> slot(UploadId id, int index) {
    return jdbc.sql("""
            SELECT s.*, c.idx, c.size, c.sha256, c.blob_key
            FROM dist_upload_sessions s
            LEFT JOIN dist_upload_chunks c ON c.upload_id = s.id AND c.idx = ?
            WHERE s.id = ? AND s.purpose = 'product'""")
        .params(index, id.value())
        .query((rs, row) -> new Slot(map(rs, row),
            rs.getString("blob_key") == null ? Optional.empty() : Optional.of(mapChunk(rs, row))))
        .optional();
  }

  @Override
  public Optional<StoredChunk> completedChunk(ProductId product, int contentVersion, int index) {
    return jdbc.sql("""
            SELECT c.* FROM dist_upload_sessions s JOIN dist_upload_chunks c ON c.upload_id = s.id
            WHERE s.product_id = ? AND s.content_version = ? AND s.status = 'completed' AND c.idx = ?""")
        .params(product.value(), contentVersion, index).query(JdbcUploadSessions::mapChunk).optional();
  }

  @Override
  public Optional<PublishedChunk> publishedChunk(ProductId product, int index) {
    return jdbc.sql("""
            SELECT p.owner_ailock_id, p.status, p.expires_at, c.idx, c.size, c.sha256, c.blob_key
            FROM dist_digital_products p
            LEFT JOIN dist_upload_chunks c ON c.upload_id = p.current_upload_id AND c.idx = ? AND p.status = 'ready'
            WHERE p.id = ?""")
        .params(index, product.value())
        .query((rs, row) -> new PublishedChunk(new AilockId(rs.getString("owner_ailock_id")),
            "ready".equals(rs.getString("status")), Timestamps.read(rs, "expires_at"),
            rs.getString("blob_key") == null ? Optional.empty() : Optional.of(mapChunk(rs, row))))
        .optional();
  }

  @Override
  public Optional<Held> hold(UploadId id, StoredChunk chunk) {
    Instant now = clock.instant();
    int inserted = jdbc.sql("""
            INSERT INTO dist_upload_chunks (upload_id, idx, size, sha256, blob_key, created_at)
            SELECT ?, ?, ?, ?, ?, ?
            WHERE EXISTS (SELECT 1 FROM dist_upload_sessions WHERE id = ? AND status = 'open' AND expires_at > ?)
            ON CONFLICT (upload_id, idx) DO NOTHING""")
        .params(id.value(), chunk.index(), chunk.size(), chunk.sha256(), chunk.blobKey().value(),
            Timestamps.of(now), id.value(), Timestamps.of(now))
        .update();
    if (inserted == 1) {
      return Optional.of(new Held(chunk, true));
    }
    if (!isOpen(id, now)) {
      return Optional.empty();
    }
    return chunk(id, chunk.index()).map(earlier -> new Held(earlier, false));
  }

  @Override
  public boolean complete(UploadId id, String ciphertextSha256, Instant at) {
    return jdbc.sql("""
            UPDATE dist_upload_sessions SET status = 'completed', ciphertext_sha256 = ?, completed_at = ?
            WHERE id = ? AND status = 'open'""")
        .params(ciphertextSha256, Timestamps.of(at), id.value())
        .update() == 1;
  }

  @Override
  public boolean expire(UploadId id, Instant now) {
    return jdbc.sql("UPDATE dist_upload_sessions SET status = 'expired' WHERE id = ? AND status = 'open' AND expires_at <= ?")
        .params(id.value(), Timestamps.of(now)).update() == 1;
  }

  @Override
  public List<UploadSession> expireDue(Instant now, int limit) {
    return jdbc.sql("""
            UPDATE dist_upload_sessions SET status = 'expired'
            WHERE id IN (SELECT id FROM dist_upload_sessions
                         WHERE status = 'open' AND expires_at <= ?
                         ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING *""")
        .params(Timestamps.of(now), limit).query(JdbcUploadSessions::map).list();
  }

  @Override
  public void dropChunks(UploadId id) {
    jdbc.sql("DELETE FROM dist_upload_chunks WHERE upload_id = ?").param(id.value()).update();
  }

  private boolean isOpen(UploadId id, Instant now) {
    return jdbc.sql("SELECT count(*) FROM dist_upload_sessions WHERE id = ? AND status = 'open' AND expires_at > ?")
        .params(id.value(), Timestamps.of(now)).query(Integer.class).single() == 1;
  }

  private static UploadSession map(ResultSet rs, int row) throws SQLException {
    return new UploadSession(new UploadId(rs.getObject("id", UUID.class)),
        new ProductId(rs.getObject("product_id", UUID.class)), rs.getInt("content_version"),
        new AilockId(rs.getString("owner_ailock_id")), rs.getLong("total_size"), rs.getInt("chunk_size"),
        rs.getInt("chunk_count"), rs.getString("storage_type"), new BlobKey(rs.getString("storage_prefix")),
        UploadState.fromWire(rs.getString("status")), rs.getString("ciphertext_sha256"),
        Timestamps.readRequired(rs, "created_at"), Timestamps.readRequired(rs, "expires_at"));
  }

  private static StoredChunk mapChunk(ResultSet rs, int row) throws SQLException {
    return new StoredChunk(rs.getInt("idx"), rs.getInt("size"), rs.getString("sha256"),
        new BlobKey(rs.getString("blob_key")));
  }
}
