package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Liquibase changelog on a fresh PostgreSQL database: the tables it makes and the rules they enforce. */
class SchemaMigrationIT {
  private static final List<String> TABLES = List.of("dist_ailocks", "dist_ailock_keys", "dist_request_nonces",
      "dist_digital_products", "dist_upload_sessions", "dist_upload_chunks", "dist_content_checks",
      "dist_product_transfers", "dist_transfer_attachments", "dist_payment_intents", "dist_webhook_events",
      "dist_product_keys", "dist_claims", "dist_download_sessions", "dist_delivery_receipts", "dist_outbox",
      "dist_processed_messages", "dist_audit_log", "dist_emulated_checkout_sessions", "dist_download_served_chunks",
      "dist_rate_limits", "dist_product_copies");
  private static final String CHECK_VIOLATION = "23514";
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void createsEveryTableOfTheChangelogOnAFreshDatabase() {
    DataSource dataSource = EmbeddedPostgresFixture.freshDatabase();

    DistributionSchema.migrate(dataSource);

    assertThat(distributionTables(JdbcClient.create(dataSource))).containsExactlyInAnyOrderElementsOf(TABLES);
  }

  @Test
  void migratingAgainChangesNothing() {
    DataSource dataSource = EmbeddedPostgresFixture.freshDatabase();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    DistributionSchema.migrate(dataSource);
    List<String> changeSets = appliedChangeSets(jdbc);
    jdbc.sql("INSERT INTO dist_ailocks (id, created_at) VALUES ('kept', ?)").param(NOW).update();

    DistributionSchema.migrate(dataSource);

    assertThat(appliedChangeSets(jdbc)).isEqualTo(changeSets).containsExactly("001-identities",
        "002-products-and-uploads", "003-transfers-and-payments", "004-delivery", "005-messaging-and-audit",
        "006-transfer-payments-and-attachments", "007-delivery-sessions-refunds-retention",
        "008-personalized-copies", "009-content-reports", "012-rate-limits", "013-listings",
        "014-attachment-retention");
    assertThat(distributionTables(jdbc)).containsExactlyInAnyOrderElementsOf(TABLES);
    assertThat(jdbc.sql("SELECT id FROM dist_ailocks").query(String.class).list()).containsExactly("kept");
  }

  /** Each rule is shown to hold by a valid row first, then refused for the one value that breaks it. */
  @Nested
  class Rules {
    private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.fresh());
    private final String seller = ailock();
    private final String buyer = ailock();

    @Test
    void refusesATransferStatusOutsideItsList() {
      UUID product = product("draft");

      transfer(product, "offered");

      assertRefused(() -> transfer(product, "shipped"), CHECK_VIOLATION);
    }

    @Test
    void refusesAnUnknownEncryptionAlgorithm() {
      insertProduct(UUID.randomUUID(), seller, "ailock-e2ee-v1");

      assertRefused(() -> insertProduct(UUID.randomUUID(), seller, "rot13"), CHECK_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdeg",
        "0123456789abcdef0123456789abcdef0"})
    void refusesAKeyIdThatIsNot32LowercaseHexDigits(String keyId) {
      key("0123456789abcdef0123456789abcdef", 1);

      assertRefused(() -> key(keyId, 2), CHECK_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-hex", "A", "g"})
    void refusesAChunkHashThatIsNotLowercaseHex(String digit) {
      UUID upload = uploadSession(product("draft"), 1, "open");
      chunk(upload, 0, "a".repeat(64));

      assertRefused(() -> chunk(upload, 1, digit.length() == 1 ? digit.repeat(64) : digit), CHECK_VIOLATION);
    }

    @Test
    void refusesAReadyProductWithoutItsManifest() {
      UUID product = product("draft");
      jdbc.sql("""
              UPDATE dist_digital_products
              SET status = 'ready', content_hash = ?, manifest = '{}'::jsonb, expires_at = ?
              WHERE id = ?""").params("c".repeat(64), NOW.plusDays(7), product).update();

      assertRefused(() -> jdbc.sql("UPDATE dist_digital_products SET manifest = NULL WHERE id = ?").param(product)
          .update(), CHECK_VIOLATION);
      assertRefused(() -> jdbc.sql("""
              INSERT INTO dist_digital_products (id, owner_ailock_id, title, content_type, size, encryption_algo,
                                                 status, policy, created_at, updated_at)
              VALUES (?, ?, 't', 'text/plain', 1, 'ailock-e2ee-v1', 'ready', '{}'::jsonb, ?, ?)""")
          .params(UUID.randomUUID(), seller, NOW, NOW).update(), CHECK_VIOLATION);
    }

    @Test
    void refusesReferencesToRowsThatDoNotExist() {
      assertRefused(() -> insertProduct(UUID.randomUUID(), "nobody", "ailock-e2ee-v1"), FOREIGN_KEY_VIOLATION);
      assertRefused(() -> chunk(UUID.randomUUID(), 0, "a".repeat(64)), FOREIGN_KEY_VIOLATION);
      assertRefused(() -> uploadSession(UUID.randomUUID(), 1, "open"), FOREIGN_KEY_VIOLATION);
      assertRefused(() -> transfer(UUID.randomUUID(), "offered"), FOREIGN_KEY_VIOLATION);
      assertRefused(() -> jdbc.sql("UPDATE dist_digital_products SET current_upload_id = ? WHERE id = ?")
          .params(UUID.randomUUID(), product("draft")).update(), FOREIGN_KEY_VIOLATION);
    }

    @Test
    void allowsOneOpenUploadSessionPerProductVersionUntilItExpires() {
      UUID product = product("draft");
      UUID first = uploadSession(product, 1, "open");
      uploadSession(product, 2, "open"); // another version

      assertRefused(() -> uploadSession(product, 1, "open"), UNIQUE_VIOLATION);

      jdbc.sql("UPDATE dist_upload_sessions SET status = 'expired' WHERE id = ?").param(first).update();
      UUID second = uploadSession(product, 1, "open");
      uploadSession(product, 1, "expired"); // expired ones never count

      assertThat(jdbc.sql("""
              SELECT id FROM dist_upload_sessions
              WHERE product_id = ? AND content_version = 1 AND status IN ('open', 'completed')""")
          .param(product).query(UUID.class).list()).containsExactly(second);
    }

    @Test
    void refusesASecondSessionOnceTheVersionIsCompleted() {
      UUID product = product("draft");
      UUID first = uploadSession(product, 1, "open");
      jdbc.sql("UPDATE dist_upload_sessions SET status = 'completed', ciphertext_sha256 = ?, completed_at = ?"
          + " WHERE id = ?").params("c".repeat(64), NOW, first).update();

      assertRefused(() -> uploadSession(product, 1, "open"), UNIQUE_VIOLATION);
    }

    private String ailock() {
      String id = UUID.randomUUID().toString().replace("-", "");
      jdbc.sql("INSERT INTO dist_ailocks (id, created_at) VALUES (?, ?)").params(id, NOW).update();
      return id;
    }

    private UUID product(String status) {
      UUID id = UUID.randomUUID();
      insertProduct(id, seller, "ailock-e2ee-v1");
      jdbc.sql("UPDATE dist_digital_products SET status = ? WHERE id = ?").params(status, id).update();
      return id;
    }

    private void insertProduct(UUID id, String owner, String encryptionAlgo) {
      jdbc.sql("""
              INSERT INTO dist_digital_products (id, owner_ailock_id, title, content_type, size, encryption_algo,
                                                 status, policy, created_at, updated_at)
              VALUES (?, ?, 'Field recordings', 'audio/flac', 150000, ?, 'draft', '{}'::jsonb, ?, ?)""")
          .params(id, owner, encryptionAlgo, NOW, NOW).update();
    }

    private void transfer(UUID product, String status) {
      jdbc.sql("""
              INSERT INTO dist_product_transfers (id, product_id, from_ailock_id, to_ailock_id, price, currency, status,
                                                  policy, created_at, updated_at, expires_at)
              VALUES (?, ?, ?, ?, 1999, 'eur', ?, '{}'::jsonb, ?, ?, ?)""")
          .params(UUID.randomUUID(), product, seller, buyer, status, NOW, NOW, NOW.plusDays(7)).update();
    }

    private void key(String keyId, int fill) {
      byte[] ed25519 = new byte[32];
      ed25519[0] = (byte) fill;
      jdbc.sql("""
              INSERT INTO dist_ailock_keys (key_id, ailock_id, ed25519_public, x25519_public, x25519_signature, status,
                                            created_at)
              VALUES (?, ?, ?, ?, ?, 'active', ?)""")
          .params(keyId, ailock(), ed25519, new byte[32], new byte[64], NOW).update();
    }

    private UUID uploadSession(UUID product, int version, String status) {
      UUID id = UUID.randomUUID();
      jdbc.sql("""
              INSERT INTO dist_upload_sessions (id, purpose, product_id, owner_ailock_id, content_version, total_size,
                                                chunk_size, chunk_count, storage_type, storage_prefix, status,
                                                created_at, expires_at)
              VALUES (?, 'product', ?, ?, ?, 196608, 65536, 3, 'filesystem', ?, ?, ?, ?)""")
          .params(id, product, seller, version, "products/" + product + "/v" + version + "/" + id, status, NOW,
              NOW.plusHours(1))
          .update();
      return id;
    }

    private void chunk(UUID upload, int index, String sha256) {
      jdbc.sql("""
              INSERT INTO dist_upload_chunks (upload_id, idx, size, sha256, blob_key, created_at)
              VALUES (?, ?, 65536, ?, ?, ?)""")
          .params(upload, index, sha256, "products/p/chunk-" + index, NOW).update();
    }
  }

  private static void assertRefused(Runnable statement, String sqlState) {
    Throwable thrown = catchThrowable(statement::run);

    assertThat(thrown).as("refused with SQLSTATE %s", sqlState).isInstanceOf(DataAccessException.class);
    Throwable cause = ((DataAccessException) thrown).getMostSpecificCause();
    assertThat(cause).isInstanceOf(SQLException.class);
    assertThat(((SQLException) cause).getSQLState()).as(cause.getMessage()).isEqualTo(sqlState);
  }

  private static List<String> distributionTables(JdbcClient jdbc) {
    return jdbc.sql("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name LIKE 'dist\\_%'""")
        .query(String.class).list();
  }

  private static List<String> appliedChangeSets(JdbcClient jdbc) {
    return jdbc.sql("SELECT id FROM databasechangelog ORDER BY orderexecuted").query(String.class).list();
  }
}
