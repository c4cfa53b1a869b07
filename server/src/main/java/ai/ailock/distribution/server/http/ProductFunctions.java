package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Catalogue;
import ai.ailock.distribution.engine.product.CreateProduct;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductStatus;
import ai.ailock.distribution.schemas.WireSchema;
import ai.ailock.distribution.storage.jdbc.PolicyJson;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code products-create} registers a product's metadata and policy; {@code products-get} and {@code products-list}
 * read the caller's own products back.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class ProductFunctions {
  private final RequestGate gate;
  private final CreateProduct createProduct;
  private final Catalogue catalogue;

  ProductFunctions(RequestGate gate, CreateProduct createProduct, Catalogue catalogue) {
    this.gate = gate;
    this.createProduct = createProduct;
    this.catalogue = catalogue;
  }

  @PostMapping("/products-create")
  @ResponseStatus(HttpStatus.CREATED)
  ObjectNode create(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.PRODUCT_CREATE);
    JsonNode body = json.body();
    Caller caller = json.caller();
    Product product = createProduct.create(caller, new CreateProduct.Command(body.get("title").asString(),
        body.get("content_type").asString(), body.get("size").asLong(), PolicyJson.read(body.get("policy"))));
    return ProductViews.product(product);
  }

  @GetMapping("/products-get")
  ObjectNode get(HttpServletRequest request, @RequestParam("product_id") String productId) {
    Caller caller = gate.authenticate(request);
    return ProductViews.product(catalogue.get(caller, TransferFunctions.productIdOf(productId)));
  }

  @GetMapping("/products-list")
  ObjectNode list(HttpServletRequest request, @RequestParam(name = "status", required = false) @Nullable String status,
      @RequestParam(name = "limit", required = false) @Nullable String limit,
      @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
    Caller caller = gate.authenticate(request);
    return PageViews.page("products", catalogue.list(caller, statusOf(status), PageViews.request(limit, cursor)),
        ProductViews::product);
  }

  private static @Nullable ProductStatus statusOf(@Nullable String status) {
    if (status == null) {
      return null;
    }
    for (ProductStatus candidate : ProductStatus.values()) {
      if (candidate.wire().equals(status)) {
        return candidate;
      }
    }
    throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "status must be draft, ready or purged");
  }
}
