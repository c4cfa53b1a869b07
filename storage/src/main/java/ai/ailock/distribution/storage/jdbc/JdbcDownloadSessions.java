package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.delivery.DownloadSession;
import ai.ailock.distribution.engine.delivery.DownloadSessions;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link DownloadSessions} on {@code dist_download_sessions} and {@code dist_download_served_chunks} (one row per
 * chunk index a session served; completion is a conditional update on {@code completed_at}).
 */
public final class JdbcDownloadSessions implements DownloadSessions {
  private final JdbcClient jdbc;

  public JdbcDownloadSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void open(DownloadSession s) {
    jdbc.sql("""
            INSERT INTO dist_download_sessions (id, claim_jti, transfer_id, recipient_ailock_id, chunk_count, opened_at,
                                                expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(s.id(), s.claimJti(), s.transfer().value(), s.recipient().value(), s.chunkCount(),
            Timestamps.of(s.openedAt()), Timestamps.of(s.expiresAt()))
        .update();
  }

  @Override
  public Optional<DownloadSession> byClaim(UUID claimJti) {
    return jdbc.sql("SELECT * FROM dist_download_sessions WHERE claim_jti = ?").param(claimJti)
        .query(JdbcDownloadSessions::map).optional();
  }

  @Override
  public List<DownloadSession> ofTransfer(TransferId transfer) {
    return jdbc.sql("SELECT * FROM dist_download_sessions WHERE transfer_id = ? ORDER BY opened_at, id")
        .param(transfer.value()).query(JdbcDownloadSessions::map).list();
  }

  @Override
  public int markServed(UUID session, int index, long bytes, Instant at) {
    jdbc.sql("""
            INSERT INTO dist_download_served_chunks (session_id, idx, first_served_at) VALUES (?, ?, ?)
            ON CONFLICT (session_id, idx) DO UPDATE
              SET times_served = dist_download_served_chunks.times_served + 1""")
        .params(session, index, Timestamps.of(at)).update();
    jdbc.sql("UPDATE dist_download_sessions SET bytes_served = bytes_served + ? WHERE id = ?")
        .params(bytes, session).update();
    return jdbc.sql("SELECT count(*) FROM dist_download_served_chunks WHERE session_id = ?").param(session)
        .query(Integer.class).single();
  }

  @Override
  public boolean complete(UUID session, Instant at, String by) {
    return jdbc.sql("""
            UPDATE dist_download_sessions SET completed_at = ?, completed_by = ?
            WHERE id = ? AND completed_at IS NULL""")
        .params(Timestamps.of(at), by, session).update() == 1;
  }

  @Override
  public int revokeAll(TransferId transfer, Instant at) {
    return jdbc.sql("UPDATE dist_download_sessions SET revoked_at = ? WHERE transfer_id = ? AND revoked_at IS NULL")
        .params(Timestamps.of(at), transfer.value()).update();
  }

  private static DownloadSession map(ResultSet rs, int row) throws SQLException {
    return new DownloadSession(rs.getObject("id", UUID.class), rs.getObject("claim_jti", UUID.class),
        new TransferId(rs.getObject("transfer_id", UUID.class)), new AilockId(rs.getString("recipient_ailock_id")),
        rs.getInt("chunk_count"), Timestamps.readRequired(rs, "opened_at"), Timestamps.readRequired(rs, "expires_at"),
        Timestamps.read(rs, "completed_at"), rs.getString("completed_by"), Timestamps.read(rs, "revoked_at"),
        rs.getLong("bytes_served"));
  }
}
