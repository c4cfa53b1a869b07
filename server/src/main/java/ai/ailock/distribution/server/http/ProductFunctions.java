package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.CreateProduct;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.schemas.WireSchema;
import ai.ailock.distribution.storage.jdbc.PolicyJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code products-create}: registers a product's metadata and policy. */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class ProductFunctions {
  private final RequestGate gate;
  private final CreateProduct createProduct;

  ProductFunctions(RequestGate gate, CreateProduct createProduct) {
    this.gate = gate;
    this.createProduct = createProduct;
  }

  record Created(String productId, String status, String title, String contentType, long size,
      long ciphertextLength, String encryptionAlgo, JsonNode policy, Instant createdAt) {}

  @PostMapping("/products-create")
  @ResponseStatus(HttpStatus.CREATED)
  Created create(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.PRODUCT_CREATE);
    JsonNode body = json.body();
    Caller caller = json.caller();
    Product product = createProduct.create(caller, new CreateProduct.Command(body.get("title").asString(),
        body.get("content_type").asString(), body.get("size").asLong(), PolicyJson.read(body.get("policy"))));
    return new Created(product.id().toString(), product.status().wire(), product.title(), product.contentType(),
        product.size(), CiphertextLayout.ciphertextLength(product.size()), product.encryptionAlgo(),
        ai.ailock.distribution.schemas.WireJson.mapper().readTree(PolicyJson.write(product.policy())),
        product.createdAt());
  }
}
