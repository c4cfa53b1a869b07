package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.ProductCopies;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.engine.product.ProductId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ProductCopies} on {@code dist_product_copies}: the unique keys (product, transfer, owner and fingerprint)
 * make a second copy for a transfer, or a reused fingerprint, a no-op that {@link #add} reports.
 */
public final class JdbcProductCopies implements ProductCopies {
  private final JdbcClient jdbc;

  public JdbcProductCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(ProductCopy copy) {
    return jdbc.sql("""
            INSERT INTO dist_product_copies (product_id, source_product_id, transfer_id, owner_ailock_id,
                                             license_fingerprint, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")
        .params(copy.product().value(), copy.source().value(), copy.transfer(), copy.owner().value(),
            copy.licenseFingerprint(), Timestamps.of(copy.createdAt()))
        .update() == 1;
  }

  @Override
  public Optional<ProductCopy> forTransfer(UUID transfer) {
    return jdbc.sql("SELECT * FROM dist_product_copies WHERE transfer_id = ?").param(transfer)
        .query(JdbcProductCopies::map).optional();
  }

  @Override
  public Optional<ProductCopy> byProduct(ProductId product) {
    return jdbc.sql("SELECT * FROM dist_product_copies WHERE product_id = ?").param(product.value())
        .query(JdbcProductCopies::map).optional();
  }

  @Override
  public Optional<ProductCopy> byFingerprint(AilockId owner, String licenseFingerprint) {
    return jdbc.sql("SELECT * FROM dist_product_copies WHERE owner_ailock_id = ? AND license_fingerprint = ?")
        .params(owner.value(), licenseFingerprint)
        .query(JdbcProductCopies::map).optional();
  }

  private static ProductCopy map(ResultSet rs, int row) throws SQLException {
    return new ProductCopy(new ProductId(rs.getObject("product_id", UUID.class)),
        new ProductId(rs.getObject("source_product_id", UUID.class)), rs.getObject("transfer_id", UUID.class),
        new AilockId(rs.getString("owner_ailock_id")), rs.getString("license_fingerprint"),
        Timestamps.readRequired(rs, "created_at"));
  }
}
