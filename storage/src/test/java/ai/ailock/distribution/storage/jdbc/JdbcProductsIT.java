package ai.ailock.distribution.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.fixtures.ProductsContract;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.product.Price;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductPolicy;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.engine.product.Products;
import ai.ailock.distribution.engine.product.RequiredInput;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@link JdbcProducts} against the {@link Products} contract, each test on a fresh database. */
class JdbcProductsIT extends ProductsContract {
  private DataSource dataSource;
  private JdbcClient jdbc;
  private JdbcProducts products;
  private JdbcUploadSessions sessions;

  @Override
  protected Products newProducts() {
    dataSource = MigratedDatabase.fresh();
    jdbc = JdbcClient.create(dataSource);
    products = new JdbcProducts(jdbc);
    sessions = new JdbcUploadSessions(jdbc, new MutableClock());
    return products;
  }

  @Override
  protected AilockId newOwner() {
    return Rows.ailock(jdbc);
  }

  @Override
  protected void uploadCompleted(ProductId product, AilockId owner, int version, long ciphertextLength) {
    completedSession(product, owner, version, ciphertextLength);
  }

  @Test
  void leavesPersonalizedCopiesOutOfTheCatalogue() {
    ProductId source = Rows.draftProduct(jdbc, owner());
    ProductId copy = Rows.draftProduct(jdbc, owner());
    AilockId buyer = Rows.ailock(jdbc);
    UUID transfer = UUID.randomUUID();
    jdbc.sql("""
            INSERT INTO dist_product_transfers (id, product_id, from_ailock_id, to_ailock_id, price, currency, status,
                                                policy, buyer_inputs, version, created_at, updated_at, expires_at)
            VALUES (?, ?, ?, ?, 100, 'usd', 'paid', '{}'::jsonb, '{}'::jsonb, 1, now(), now(), now())""")
        .params(transfer, source.value(), owner().value(), buyer.value()).update();
    jdbc.sql("""
            INSERT INTO dist_product_copies (product_id, source_product_id, transfer_id, owner_ailock_id,
                                             license_fingerprint, created_at)
            VALUES (?, ?, ?, ?, ?, now())""")
        .params(copy.value(), source.value(), transfer, owner().value(), "a".repeat(32)).update();

    assertThat(products.catalogue(owner(), null, null, 10)).extracting(Product::id).containsExactly(source);
    assertThat(products.findOwned(copy, owner())).isPresent();
  }

  @Test
  void theTestManifestIsInCanonicalForm() {
    assertThat(CanonicalJson.string(WireJson.mapper().readTree(CANONICAL_MANIFEST))).isEqualTo(CANONICAL_MANIFEST);
  }

  @Test
  void keepsTheManifestAsJsonbInItsOwnOrderYetServesItByteForByte() {
    Product draft = draft(ProductPolicy.defaults());
    products.add(draft);
    completedSession(draft.id(), owner(), 1, CIPHERTEXT_LENGTH);

    products.publish(draft.id(), content(1, CANONICAL_MANIFEST), Rows.NOW.plus(Duration.ofDays(7)));

    String stored = jdbc.sql("SELECT manifest::text FROM dist_digital_products WHERE id = ?")
        .param(draft.id().value()).query(String.class).single();
    assertThat(stored).as("jsonb's own text form").isNotEqualTo(CANONICAL_MANIFEST);
    assertThat(jdbc.sql("SELECT manifest->>'max' FROM dist_digital_products WHERE id = ?")
        .param(draft.id().value()).query(String.class).single()).isEqualTo("9007199254740991");
    assertThat(products.find(draft.id()).orElseThrow().content().manifestJson()).isEqualTo(CANONICAL_MANIFEST);
  }

  @Test
  void linksTheCompletedUploadOfTheVersionAndTakesItsCiphertextLength() {
    Product draft = draft(ProductPolicy.defaults());
    products.add(draft);
    UploadSession expired = Rows.openSession(draft.id(), owner(), 1, CIPHERTEXT_LENGTH, Rows.NOW);
    sessions.add(expired);
    sessions.expire(expired.id(), Rows.NOW.plus(Duration.ofHours(1)));
    UploadSession completed = completedSession(draft.id(), owner(), 1, CIPHERTEXT_LENGTH);

    assertThat(products.publish(draft.id(), content(1, CANONICAL_MANIFEST), Rows.NOW.plus(Duration.ofDays(7))))
        .isTrue();

    assertThat(jdbc.sql("SELECT current_upload_id FROM dist_digital_products WHERE id = ?")
        .param(draft.id().value()).query(UUID.class).single()).isEqualTo(completed.id().value());
    assertThat(products.find(draft.id()).orElseThrow().content().ciphertextLength()).isEqualTo(CIPHERTEXT_LENGTH);
  }

  @Test
  void refusesToPublishAVersionWithoutACompletedUpload() {
    Product draft = draft(ProductPolicy.defaults());
    products.add(draft);
    sessions.add(Rows.openSession(draft.id(), owner(), 1, CIPHERTEXT_LENGTH, Rows.NOW)); // open, not completed
    completedSession(draft.id(), owner(), 2, CIPHERTEXT_LENGTH); // another version

    assertThatThrownBy(() -> products.publish(draft.id(), content(1, CANONICAL_MANIFEST), Rows.NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no completed upload of version 1");

    assertThat(products.find(draft.id())).map(Product::status).contains(ProductStatus.DRAFT);
  }

  @Test
  void storesThePolicyInItsWireFormWithLowerCaseEnumsAndDefaultsWrittenOut() {
    var policy = new ProductPolicy(2, 3, new Price(500, "usd"), List.of(new RequiredInput("logo", "Your logo",
        RequiredInput.Type.FILE, RequiredInput.Timing.POST_PAYMENT_PRE_GRANT, true, null,
        new RequiredInput.Constraints(null, List.of("image/png"), 5))));
    Product draft = draft(policy);

    products.add(draft);

    JsonNode stored = WireJson.mapper().readTree(jdbc.sql("SELECT policy::text FROM dist_digital_products WHERE id = ?")
        .param(draft.id().value()).query(String.class).single());
    assertThat(stored.get("retention_days").asInt()).isEqualTo(2);
    assertThat(stored.get("download_limit").asInt()).isEqualTo(3);
    assertThat(stored.get("price").get("amount").asLong()).isEqualTo(500);
    assertThat(stored.get("price").get("currency").asString()).isEqualTo("usd");
    JsonNode input = stored.get("required_inputs").get(0);
    assertThat(input.get("type").asString()).isEqualTo("file");
    assertThat(input.get("timing").asString()).isEqualTo("post_payment_pre_grant");
    assertThat(input.get("constraints").get("mime_types").get(0).asString()).isEqualTo("image/png");
    assertThat(input.get("constraints").get("max_size_mb").asInt()).isEqualTo(5);
    assertThat(input.has("description")).as("null members are left out").isFalse();
    assertThat(jdbc.sql("SELECT count(*) FROM dist_digital_products WHERE policy @> ?::jsonb")
        .param("{\"required_inputs\":[{\"timing\":\"post_payment_pre_grant\"}]}").query(Integer.class).single())
        .as("queryable by the GIN index's operator").isEqualTo(1);
  }

  @Test
  void readsAPolicyWithOmittedMembersAsTheDefaults() {
    Product draft = draft(ProductPolicy.defaults());
    products.add(draft);
    jdbc.sql("UPDATE dist_digital_products SET policy = '{}'::jsonb WHERE id = ?").param(draft.id().value()).update();

    assertThat(products.find(draft.id())).map(Product::policy).contains(ProductPolicy.defaults());
  }

  private UploadSession completedSession(ProductId product, AilockId owner, int version, long ciphertextLength) {
    UploadSession session = Rows.openSession(product, owner, version, ciphertextLength, Rows.NOW);
    assertThat(sessions.add(session)).isTrue();
    assertThat(sessions.complete(session.id(), "c".repeat(64), Rows.NOW.plus(Duration.ofMinutes(5)))).isTrue();
    return session;
  }
}
