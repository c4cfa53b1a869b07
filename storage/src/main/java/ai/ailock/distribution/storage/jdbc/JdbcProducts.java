package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link Products} on {@code dist_digital_products}. The manifest is kept as {@code jsonb} (queryable) and
 * served in RFC 8785 form, which is a function of the JSON value alone, so it survives jsonb's re-encoding.
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

  @Override
  public boolean publish(ProductId id, ProductContent content, Instant expiresAt) {
    return jdbc.sql("""
            UPDATE dist_digital_products
            SET status = 'ready', content_version = ?, current_upload_id = ?, content_hash = ?, storage_type = ?,
                storage_pointer = ?, manifest = ?::jsonb, manifest_sha256 = ?, ready_at = ?, expires_at = ?,
                updated_at = ?
            WHERE id = ? AND status = 'draft'""")
        .params(content.version(), content.upload().value(), content.ciphertextSha256(), content.storageType(),
            content.storagePointer().value(), content.manifestJson(), content.manifestSha256(),
            Timestamps.of(content.readyAt()), Timestamps.of(expiresAt), Timestamps.of(content.readyAt()),
            id.value())
        .update() == 1;
  }

  private static Product map(ResultSet rs, int row) throws SQLException {
    var status = ProductStatus.fromWire(rs.getString("status"));
    ProductContent content = null;
    UUID upload = rs.getObject("current_upload_id", UUID.class);
    if (upload != null && status == ProductStatus.READY) {
      String manifest = CanonicalJson.string(WireJson.mapper().readTree(rs.getString("manifest")));
      content = new ProductContent(rs.getInt("content_version"), new UploadId(upload),
          rs.getLong("ciphertext_length"), rs.getString("content_hash"), rs.getString("storage_type"),
          new BlobKey(rs.getString("storage_pointer")), manifest, rs.getString("manifest_sha256"),
          Timestamps.readRequired(rs, "ready_at"));
    }
    return new Product(new ProductId(rs.getObject("id", UUID.class)), new AilockId(rs.getString("owner_ailock_id")),
        rs.getString("title"), rs.getString("content_type"), rs.getLong("size"), rs.getString("encryption_algo"),
        status, PolicyJson.read(rs.getString("policy")), content, Timestamps.readRequired(rs, "created_at"),
        Timestamps.read(rs, "expires_at"));
  }
}
