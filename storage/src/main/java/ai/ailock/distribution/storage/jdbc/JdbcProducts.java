package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.PageCursor;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Products} on {@code dist_digital_products}. The manifest is kept as {@code jsonb} (queryable) and
 * served in RFC 8785 form, which is a function of the JSON value alone, so it survives jsonb's re-encoding.
 * {@code current_upload_id} names the completed upload session of the published version; {@link #publish} finds
 * it by product and version, and the ciphertext length is read from it.
 */
public final class JdbcProducts implements Products {
  private final JdbcClient jdbc;

  public JdbcProducts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(Product product) {
    jdbc.sql("""
            INSERT INTO dist_digital_products (id, owner_ailock_id, title, content_type, size, encryption_algo,
                                               status, policy, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
        .params(product.id().value(), product.owner().value(), product.title(), product.contentType(),
            product.size(), product.encryptionAlgo(), product.status().wire(), PolicyJson.write(product.policy()),
            Timestamps.of(product.createdAt()), Timestamps.of(product.createdAt()))
        .update();
  }

  @Override
  public Optional<Product> find(ProductId id) {
    return jdbc.sql("""
            SELECT p.*, u.total_size AS ciphertext_length
            FROM dist_digital_products p LEFT JOIN dist_upload_sessions u ON u.id = p.current_upload_id
            WHERE p.id = ?""")
        .param(id.value()).query(JdbcProducts::map).optional();
  }

  /** Walks the owner's index ({@code owner_ailock_id, created_at DESC}) from the cursor; copies are left out. */
  @Override
  public List<Product> catalogue(AilockId owner, @Nullable ProductStatus status, @Nullable PageCursor after,
      int limit) {
    var query = new NewestFirst("""
        SELECT p.*, u.total_size AS ciphertext_length
        FROM dist_digital_products p LEFT JOIN dist_upload_sessions u ON u.id = p.current_upload_id
        WHERE NOT EXISTS (SELECT 1 FROM dist_product_copies c WHERE c.product_id = p.id)
          AND p.owner_ailock_id = ?""", "p", owner.value())
        .whereEquals("status", status == null ? null : status.wire());
    return jdbc.sql(query.sql(after)).params(query.params(after, limit)).query(JdbcProducts::map).list();
  }

  /**
   * @throws IllegalStateException if the product is a draft but has no completed upload session for
   *     {@code content.version()}: there would be no chunks to serve (nothing changed)
   */
  @Override
  public boolean publish(ProductId id, ProductContent content, Instant expiresAt) {
    int updated = jdbc.sql("""
            UPDATE dist_digital_products p
            SET status = 'ready', content_version = u.content_version, current_upload_id = u.id, content_hash = ?,
                storage_type = ?, storage_pointer = ?, manifest = ?::jsonb, manifest_sha256 = ?, ready_at = ?,
                expires_at = ?, updated_at = ?
            FROM (SELECT id, content_version FROM dist_upload_sessions
                  WHERE product_id = ? AND content_version = ? AND purpose = 'product' AND status = 'completed') u
            WHERE p.id = ? AND p.status = 'draft'""")
        .params(content.ciphertextSha256(), content.storageType(), content.storagePointer().value(),
            content.manifestJson(), content.manifestSha256(), Timestamps.of(content.readyAt()),
            Timestamps.of(expiresAt), Timestamps.of(content.readyAt()), id.value(), content.version(), id.value())
        .update();
    if (updated == 0 && find(id).map(product -> product.status() == ProductStatus.DRAFT).orElse(false)) {
      throw new IllegalStateException("product " + id + " has no completed upload of version " + content.version());
    }
    return updated == 1;
  }

  private static Product map(ResultSet rs, int row) throws SQLException {
    var status = ProductStatus.fromWire(rs.getString("status"));
    ProductContent content = null;
    if (status == ProductStatus.READY) {
      String manifest = CanonicalJson.string(WireJson.mapper().readTree(rs.getString("manifest")));
      content = new ProductContent(rs.getInt("content_version"), rs.getLong("ciphertext_length"),
          rs.getString("content_hash"), rs.getString("storage_type"), new BlobKey(rs.getString("storage_pointer")),
          manifest, rs.getString("manifest_sha256"), Timestamps.readRequired(rs, "ready_at"));
    }
    return new Product(new ProductId(rs.getObject("id", UUID.class)), new AilockId(rs.getString("owner_ailock_id")),
        rs.getString("title"), rs.getString("content_type"), rs.getLong("size"), rs.getString("encryption_algo"),
        status, PolicyJson.read(rs.getString("policy")), content, Timestamps.readRequired(rs, "created_at"),
        Timestamps.read(rs, "expires_at"));
  }
}
