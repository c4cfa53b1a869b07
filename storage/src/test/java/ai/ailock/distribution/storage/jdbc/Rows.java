package ai.ailock.distribution.storage.jdbc;

import ai.ailock.distribution.engine.Transactions;
import ai.ailock.distribution.engine.blob.BlobKey;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.IdentityKey;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.engine.upload.UploadState;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Rows the foreign keys of the distribution schema ask for, written through the adapters under test where they can. */
final class Rows {
  static final Instant NOW = MutableClock.DEFAULT_START;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Rows() {}

  /** @return a newly registered Ailock */
  static AilockId ailock(JdbcClient jdbc) {
    var id = new AilockId(UUID.randomUUID().toString().replace("-", ""));
    ailock(jdbc, id);
    return id;
  }

  /**
   * Registers {@code id}, which must have the form of a key id (as every Ailock id the engine makes does), with a
   * first key of that id through {@link JdbcIdentities}, unless it is registered already.
   */
  static void ailock(JdbcClient jdbc, AilockId id) {
    new JdbcIdentities(jdbc).register(new IdentityKey(new KeyId(id.value()), id, randomBytes(32), randomBytes(32),
        randomBytes(64), NOW, null));
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** @return a draft product of {@code owner} (whose row must exist), added through {@link JdbcProducts} */
  static ProductId draftProduct(JdbcClient jdbc, AilockId owner) {
    var product = new Product(new ProductId(UUID.randomUUID()), owner, "Field recordings", "audio/flac", 150_000,
        Product.ENCRYPTION_ALGO, ProductStatus.DRAFT, ProductPolicy.defaults(), null, NOW, null);
    new JdbcProducts(jdbc).add(product);
    return product.id();
  }

  /** @return an open product upload session of {@code totalSize} bytes in 64 KiB chunks, living an hour */
  static UploadSession openSession(ProductId product, AilockId owner, int version, long totalSize, Instant createdAt) {
    var id = new UploadId(UUID.randomUUID());
    int chunkSize = 65_536;
    return new UploadSession(id, product, version, owner, totalSize, chunkSize,
        UploadSession.chunkCount(totalSize, chunkSize), "filesystem",
        new BlobKey("products/" + product + "/v" + version + "/" + id), UploadState.OPEN, null, createdAt,
        createdAt.plus(Duration.ofHours(1)));
  }

  static Transactions transactions(DataSource dataSource) {
    return new JdbcTransactions(new DataSourceTransactionManager(dataSource));
  }
}
