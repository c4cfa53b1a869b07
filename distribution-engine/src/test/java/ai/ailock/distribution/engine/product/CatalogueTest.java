package ai.ailock.distribution.engine.product;

import static ai.ailock.distribution.engine.fixtures.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.Page;
import ai.ailock.distribution.engine.PageRequest;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.fixtures.InMemoryProducts;
import ai.ailock.distribution.engine.fixtures.MutableClock;
import ai.ailock.distribution.engine.identity.AilockId;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.identity.KeyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private static final Instant NOW = MutableClock.DEFAULT_START;
  private final InMemoryProducts products = new InMemoryProducts();
  private final Catalogue catalogue = new Catalogue(products);
  private final Caller seller = caller("seller");

  @Test
  void pagesThroughTheOwnersProductsNewestFirstLeavingOutCopiesAndOthersProducts() {
    List<Product> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(add(seller.ailock(), NOW.plusSeconds(i)));
    }
    Product tie = add(seller.ailock(), NOW.plusSeconds(4)); // same time as the newest: the id decides
    add(new AilockId("someone-else"), NOW.plusSeconds(9));
    products.markCopy(add(seller.ailock(), NOW.plusSeconds(10)).id());

    List<ProductId> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    int pages = 0;
    while (true) {
      Page<Product> page = catalogue.list(seller, null, request);
      pages++;
      page.items().forEach(p -> seen.add(p.id()));
      if (page.next() == null) {
        break;
      }
      request = new PageRequest(page.next(), 2);
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    assertThat(seen.subList(2, 6)).containsExactly(mine.get(3).id(), mine.get(2).id(), mine.get(1).id(),
        mine.get(0).id());
    assertThat(seen.subList(0, 2)).containsExactlyInAnyOrder(mine.get(4).id(), tie.id());
  }

  @Test
  void filtersByStatus() {
    Product draft = add(seller.ailock(), NOW);

    assertThat(catalogue.list(seller, ProductStatus.DRAFT, PageRequest.first(10)).items()).containsExactly(draft);
    assertThat(catalogue.list(seller, ProductStatus.READY, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void showsAProductToItsOwnerOnly() {
    Product product = add(seller.ailock(), NOW);

    assertThat(catalogue.get(seller, product.id())).isEqualTo(product);
    assertRefused(() -> catalogue.get(caller("someone-else"), product.id()), ErrorCode.PRODUCT_NOT_FOUND);
    assertRefused(() -> catalogue.get(seller, new ProductId(UUID.randomUUID())), ErrorCode.PRODUCT_NOT_FOUND);
  }

  private Product add(AilockId owner, Instant createdAt) {
    var product = new Product(new ProductId(UUID.randomUUID()), owner, "Stems", "audio/flac", 10,
        Product.ENCRYPTION_ALGO, ProductStatus.DRAFT, ProductPolicy.defaults(), null, createdAt, null);
    products.add(product);
    return product;
  }

  static Caller caller(String ailock) {
    return new Caller(new AilockId(ailock), new KeyId("0".repeat(32)), RequestMeta.internal("test"));
  }
}
