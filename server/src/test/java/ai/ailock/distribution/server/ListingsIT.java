package ai.ailock.distribution.server;

import static ai.ailock.distribution.server.TransferFlowIT.refused;
import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.commerce.Commerce;
import ai.ailock.distribution.client.commerce.Listing;
import ai.ailock.distribution.client.commerce.ProductInfo;
import ai.ailock.distribution.client.commerce.TransferInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** products-get, products-list and transfers-list over HTTP: paging, filters, and who sees what. */
class ListingsIT extends StripeStubbedServer {

  @Test
  void aSellerPagesThroughItsOwnProductsNewestFirstAndNobodyElseSeesThem() {
    TestAilock seller = market.ailock();
    TestAilock stranger = market.ailock();
    String first = market.publishedProduct(seller, Market.pricedPolicy(500, "usd"));
    String second = market.publishedProduct(seller, Market.pricedPolicy(600, "usd"));
    String draft = seller.http().postJson("products-create", Map.of("title", "Drafted\u0007 pack",
        "content_type", "application/zip", "size", 10)).get("product_id").asString();
    Commerce commerce = Market.commerce(seller);

    List<String> paged = new ArrayList<>();
    Listing<ProductInfo> page = commerce.products(null, null, 2);
    assertThat(page.items()).hasSize(2);
    page.items().forEach(p -> paged.add(p.productId()));
    page = commerce.products(null, page.nextCursor(), 2);
    assertThat(page.nextCursor()).isNull();
    page.items().forEach(p -> paged.add(p.productId()));

    assertThat(paged).containsExactlyInAnyOrder(first, second, draft).doesNotHaveDuplicates();
    assertThat(commerce.products("ready", null, 10).items()).extracting(ProductInfo::productId)
        .containsExactlyInAnyOrder(first, second);
    assertThat(commerce.products("draft", null, 10).items()).extracting(ProductInfo::productId)
        .containsExactly(draft);
    ProductInfo ready = commerce.product(first);
    assertThat(ready.status()).isEqualTo("ready");
    assertThat(ready.version()).isEqualTo(1);
    assertThat(ready.manifestSha256()).matches("[0-9a-f]{64}");
    assertThat(ready.expiresAt()).isNotNull();
    assertThat(ready.json().path("policy").path("price").path("amount").asLong()).isEqualTo(500);
    ProductInfo drafted = commerce.product(draft);
    assertThat(drafted.version()).isNull();
    assertThat(drafted.title()).isEqualTo("Drafted\u0007 pack");
    assertThat(Market.commerce(stranger).products(null, null, 10).items()).isEmpty();
    refused(() -> Market.commerce(stranger).product(first), 404, "product_not_found");
  }

  @Test
  void eachPartyListsItsOwnSideOfItsTransfersInAState() {
    TestAilock seller = market.ailock();
    TestAilock buyer = market.ailock();
    TestAilock otherBuyer = market.ailock();
    TransferInfo one = market.offer(seller, buyer, Market.pricedPolicy(700, "usd"));
    TransferInfo two = market.offer(seller, otherBuyer, Market.pricedPolicy(800, "usd"));
    Market.commerce(buyer).invoice(one.transferId());

    Listing<TransferInfo> sales = Market.commerce(seller).transfers("seller", null, null, 1);
    assertThat(sales.items()).hasSize(1);
    Listing<TransferInfo> rest = Market.commerce(seller).transfers("seller", null, sales.nextCursor(), 1);
    assertThat(rest.nextCursor()).isNull();
    assertThat(List.of(sales.items().get(0).transferId(), rest.items().get(0).transferId()))
        .containsExactlyInAnyOrder(one.transferId(), two.transferId());
    assertThat(Market.commerce(seller).transfers("seller", "invoiced", null, 10).items())
        .extracting(TransferInfo::transferId).containsExactly(one.transferId());
    assertThat(Market.commerce(buyer).transfers("buyer", null, null, 10).items())
        .extracting(TransferInfo::transferId).containsExactly(one.transferId());
    assertThat(Market.commerce(buyer).transfers("seller", null, null, 10).items()).isEmpty();
    assertThat(Market.commerce(seller).transfers("buyer", null, null, 10).items()).isEmpty();
    TransferInfo listed = Market.commerce(otherBuyer).transfers("buyer", "offered", null, 10).items().get(0);
    assertThat(listed.amount()).isEqualTo(800);
    assertThat(listed.json().has("payment")).isFalse();
  }

  @Test
  void refusesAMalformedListingRequest() {
    TestAilock seller = market.ailock();
    Commerce commerce = Market.commerce(seller);

    refused(() -> commerce.transfers("owner", null, null, 10), 400, "malformed_request");
    refused(() -> commerce.transfers("seller", "PAID", null, 10), 400, "malformed_request");
    refused(() -> commerce.transfers("seller", null, null, 0), 400, "malformed_request");
    refused(() -> commerce.products(null, null, 101), 400, "malformed_request");
    refused(() -> commerce.products("sold", null, 10), 400, "malformed_request");
    refused(() -> commerce.products(null, "bm90LWEtY3Vyc29y", 10), 400, "malformed_request");
    refused(() -> commerce.product("not-a-uuid"), 400, "malformed_request");
    refused(() -> seller.http().getJson("transfers-list", Map.of()), 400, "malformed_request");
  }
}
