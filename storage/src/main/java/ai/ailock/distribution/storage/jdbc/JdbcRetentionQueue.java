package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.retention.ExpiredAttachment;
import ai.ailock.distribution.engine.retention.ExpiredProduct;
import ai.ailock.distribution.engine.retention.RetentionQueue;
import ai.ailock.distribution.engine.transfer.TransferId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RetentionQueue} on {@code dist_digital_products}, {@code dist_product_transfers},
 * {@code dist_product_keys} and {@code dist_transfer_attachments}. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent sweepers on several
 * instances each take different rows.
 */
public final class JdbcRetentionQueue implements RetentionQueue {
  private static final String TERMINAL = "('refunded', 'revoked', 'expired')";

  private final JdbcClient jdbc;

  public JdbcRetentionQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<ExpiredProduct> purgeDue(Instant now, int limit) {
    return jdbc.sql("""
            UPDATE dist_digital_products SET status = 'purged', manifest = NULL, updated_at = ?
            WHERE id IN (SELECT id FROM dist_digital_products
                         WHERE status = 'ready' AND expires_at <= ?
                         ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, storage_pointer, expires_at""")
        .params(Timestamps.of(now), Timestamps.of(now), limit).query(JdbcRetentionQueue::map).list();
  }

  @Override
  public List<TransferId> liveTransfersOf(ProductId product) {
    return jdbc.sql("SELECT id FROM dist_product_transfers WHERE product_id = ? AND status NOT IN " + TERMINAL
            + " ORDER BY id FOR UPDATE")
        .param(product.value()).query((rs, row) -> new TransferId(rs.getObject("id", UUID.class))).list();
  }

  @Override
  public List<TransferId> transfersDue(Instant now, int limit) {
    return jdbc.sql("""
            SELECT t.id FROM dist_product_transfers t
            LEFT JOIN dist_product_keys k ON k.transfer_id = t.id
            WHERE t.expires_at <= ? AND t.status NOT IN """ + TERMINAL + """
               AND (t.status <> 'acknowledged' OR (k.id IS NOT NULL AND k.destroyed_at IS NULL))
            ORDER BY t.expires_at LIMIT ? FOR UPDATE OF t SKIP LOCKED""")
        .params(Timestamps.of(now), limit).query((rs, row) -> new TransferId(rs.getObject("id", UUID.class))).list();
  }

  @Override
  public List<ExpiredProduct> leaseBlobDeletion(Instant now, Instant leasedBefore, int limit) {
    return jdbc.sql("""
            UPDATE dist_digital_products SET purge_leased_at = ?
            WHERE id IN (SELECT id FROM dist_digital_products
                         WHERE status = 'purged' AND blobs_purged_at IS NULL AND storage_pointer IS NOT NULL
                           AND (purge_leased_at IS NULL OR purge_leased_at <= ?)
                         ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, storage_pointer, expires_at""")
        .params(Timestamps.of(now), Timestamps.of(leasedBefore), limit).query(JdbcRetentionQueue::map).list();
  }

  @Override
  public void blobsDeleted(ProductId product, Instant at) {
    jdbc.sql("UPDATE dist_digital_products SET blobs_purged_at = ? WHERE id = ?")
        .params(Timestamps.of(at), product.value()).update();
  }

  @Override
  public List<ExpiredAttachment> leaseAttachmentPurge(Instant now, Instant leasedBefore, int limit) {
    return jdbc.sql("""
            UPDATE dist_transfer_attachments SET purge_leased_at = ?
            WHERE id IN (SELECT a.id FROM dist_transfer_attachments a
                         JOIN dist_product_transfers t ON t.id = a.transfer_id
                         WHERE a.purged_at IS NULL AND t.expires_at <= ?
                           AND (a.purge_leased_at IS NULL OR a.purge_leased_at <= ?)
                         ORDER BY t.expires_at LIMIT ? FOR UPDATE OF a SKIP LOCKED)
            RETURNING id, transfer_id, storage_pointer""")
        .params(Timestamps.of(now), Timestamps.of(now), Timestamps.of(leasedBefore), limit)
        .query((rs, row) -> new ExpiredAttachment(new AttachmentId(rs.getObject("id", UUID.class)),
            new TransferId(rs.getObject("transfer_id", UUID.class)), new BlobKey(rs.getString("storage_pointer"))))
        .list();
  }

  @Override
  public void attachmentPurged(ExpiredAttachment attachment, Instant at) {
    jdbc.sql("UPDATE dist_transfer_attachments SET purged_at = ? WHERE id = ?")
        .params(Timestamps.of(at), attachment.id().value()).update();
  }

  private static ExpiredProduct map(ResultSet rs, int row) throws SQLException {
    return new ExpiredProduct(new ProductId(rs.getObject("id", UUID.class)), new BlobKey(rs.getString("storage_pointer")),
        Timestamps.readRequired(rs, "expires_at"));
  }
}
