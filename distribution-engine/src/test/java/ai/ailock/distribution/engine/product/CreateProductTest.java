package ai.ailock.distribution.engine.product;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.fixtures.EngineFixture;
import ai.ailock.distribution.engine.fixtures.RegisteredAilock;
import ai.ailock.distribution.engine.fixtures.SequentialIds;
import ai.ailock.distribution.schemas.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateProductTest {
  private final EngineFixture engine = EngineFixture.create();
  private final CreateProduct createProduct = engine.createProduct();
  private final RegisteredAilock seller = engine.registeredSeller();
  private final long limit = engine.limits().maxProductBytes();

  @Test
  void registersADraftOwnedByTheCaller() {
    var policy = new ProductPolicy(3, 2, new Price(1500, "eur"), List.of());

    Product product = createProduct.create(seller.caller(), command(4096, policy));

    assertThat(product.id()).isEqualTo(new ProductId(SequentialIds.nth(1)));
    assertThat(product.owner()).isEqualTo(seller.id());
    assertThat(product.title()).isEqualTo("Sample pack");
    assertThat(product.contentType()).isEqualTo("application/zip");
    assertThat(product.size()).isEqualTo(4096);
    assertThat(product.encryptionAlgo()).isEqualTo("ailock-e2ee-v1");
    assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
    assertThat(product.policy()).isEqualTo(policy);
    assertThat(product.content()).isNull();
    assertThat(product.expiresAt()).isNull();
    assertThat(product.createdAt()).isEqualTo(engine.clock().instant());
    assertThat(engine.products().find(product.id())).contains(product);
  }

  @Test
  void startsADraftWithNoContentVersionYet() {
    Product product = createProduct.create(seller.caller(), command(10, ProductPolicy.defaults()));

    assertThat(product.nextVersion()).isEqualTo(1);
    assertThat(product.expired(engine.clock().instant().plusSeconds(365L * 24 * 3600))).isFalse();
  }

  @Test
  void recordsTheCreationInTheAuditTrail() {
    Product product = createProduct.create(seller.caller(), command(4096, ProductPolicy.defaults()));

    assertThat(engine.audit().entries("product.created")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(seller.id().value());
      assertThat(entry.productId()).isEqualTo(product.id().value());
      assertThat(entry.at()).isEqualTo(engine.clock().instant());
      assertThat(entry.meta()).isEqualTo(seller.caller().meta());
      assertThat(entry.detail()).isEqualTo(Map.of("size", "4096", "content_type", "application/zip"));
    });
  }

  @Test
  void acceptsAProductOfExactlyTheSizeLimit() {
    Product product = createProduct.create(seller.caller(), command(limit, ProductPolicy.defaults()));

    assertThat(product.size()).isEqualTo(limit);
  }

  @Test
  void refusesAProductAboveTheSizeLimitAndRecordsNothing() {
    assertRefused(() -> createProduct.create(seller.caller(), command(limit + 1, ProductPolicy.defaults())),
        ErrorCode.PRODUCT_TOO_LARGE);

    assertThat(engine.products().all()).isEmpty();
    assertThat(engine.audit().entries("product.created")).isEmpty();
  }

  @Test
  void refusesANegativeSize() {
    DistributionException refusal = assertRefused(
        () -> createProduct.create(seller.caller(), command(-1, ProductPolicy.defaults())),
        ErrorCode.VALIDATION_FAILED);

    assertThat(refusal.violations()).extracting(Violation::pointer).containsExactly("/size");

    assertThat(engine.products().all()).isEmpty();
  }

  @Test
  void refusesADeniedContentTypeAndRecordsNothing() {
    DistributionException refusal = assertRefused(() -> createProduct.create(seller.caller(),
        new CreateProduct.Command("Installer", "application/x-msdownload", 1000, ProductPolicy.defaults())),
        ErrorCode.CONTENT_TYPE_NOT_ALLOWED);

    assertThat(refusal.violations()).extracting(Violation::pointer).containsExactly("/content_type");
    assertThat(engine.products().all()).isEmpty();
    assertThat(engine.audit().entries("product.created")).isEmpty();
  }

  private static CreateProduct.Command command(long size, ProductPolicy policy) {
    return new CreateProduct.Command("Sample pack", "application/zip", size, policy);
  }
}
