package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.product.CiphertextLayout;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.storage.jdbc.PolicyJson;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of a product, for its owner (docs/api.md, "Products and upload"). */
final class ProductViews {
  private ProductViews() {}

  /** {@code products-create}'s answer; once published, also the content's version, hashes and retention. */
  static ObjectNode product(Product product) {
    ObjectNode json = WireJson.mapper().createObjectNode();
    json.put("product_id", product.id().toString());
    json.put("status", product.status().wire());
    json.put("title", product.title());
    json.put("content_type", product.contentType());
    json.put("size", product.size());
    json.put("ciphertext_length", CiphertextLayout.ciphertextLength(product.size()));
    json.put("encryption_algo", product.encryptionAlgo());
    json.set("policy", WireJson.mapper().readTree(PolicyJson.write(product.policy())));
    json.put("created_at", product.createdAt().toString());
    ProductContent content = product.content();
    if (content != null) {
      json.put("version", content.version());
      json.put("ciphertext_sha256", content.ciphertextSha256());
      json.put("manifest_sha256", content.manifestSha256());
      json.put("ready_at", content.readyAt().toString());
    }
    if (product.expiresAt() != null) {
      json.put("expires_at", product.expiresAt().toString());
    }
    return json;
  }
}
