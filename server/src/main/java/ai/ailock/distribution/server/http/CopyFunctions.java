package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.payment.DescribeTransfer;
import ai.ailock.distribution.engine.personalization.CreateCopy;
import ai.ailock.distribution.engine.personalization.TraceCopy;
import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductCopy;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
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
 * {@code transfers-copy-create} and {@code transfers-copy-trace}: the seller registers a buyer's personalized copy,
 * and finds the purchase behind a license fingerprint (docs/personalization.md). The copy's content goes through the
 * product upload functions under its own product id.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class CopyFunctions {
  private final RequestGate gate;
  private final CreateCopy createCopy;
  private final TraceCopy traceCopy;
  private final DescribeTransfer describeTransfer;

  CopyFunctions(RequestGate gate, CreateCopy createCopy, TraceCopy traceCopy, DescribeTransfer describeTransfer) {
    this.gate = gate;
    this.createCopy = createCopy;
    this.traceCopy = traceCopy;
    this.describeTransfer = describeTransfer;
  }

  @PostMapping("/transfers-copy-create")
  @ResponseStatus(HttpStatus.CREATED)
  ObjectNode create(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.COPY_CREATE);
    JsonNode body = json.body();
    CreateCopy.Created created = createCopy.create(json.caller(), new CreateCopy.Command(
        TransferFunctions.transferIdOf(body.get("transfer_id").asString()), body.get("content_type").asString(),
        body.get("size").asLong(), body.get("license_fingerprint").asString()));
    Product product = created.product();
    ObjectNode answer = copy(created.copy());
    answer.put("status", product.status().wire());
    answer.put("title", product.title());
    answer.put("content_type", product.contentType());
    answer.put("size", product.size());
    answer.put("ciphertext_length", CiphertextLayout.ciphertextLength(product.size()));
    return answer;
  }

  @GetMapping("/transfers-copy-trace")
  ObjectNode trace(HttpServletRequest request, @RequestParam("license_fingerprint") String fingerprint) {
    Caller caller = gate.authenticate(request);
    if (!ProductCopy.wellFormedFingerprint(fingerprint)) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "license_fingerprint is 32 lowercase hex digits");
    }
    TraceCopy.Traced traced = traceCopy.trace(caller, fingerprint);
    ObjectNode answer = copy(traced.copy());
    answer.set("transfer", TransferViews.transfer(describeTransfer.describe(caller, traced.transfer().id())));
    return answer;
  }

  private static ObjectNode copy(ProductCopy copy) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("product_id", copy.product().toString());
    json.put("source_product_id", copy.source().toString());
    json.put("transfer_id", copy.transfer().toString());
    json.put("license_fingerprint", copy.licenseFingerprint());
    json.put("created_at", copy.createdAt().toString());
    return json;
  }
}
