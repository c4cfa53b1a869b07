package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.ManifestChunk;
import ai.ailock.distribution.engine.upload.SignedManifest;
import ai.ailock.distribution.schemas.CanonicalJson;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a schema-valid manifest document into the facts the engine checks, with its signed bytes. */
final class ManifestReader {
  private ManifestReader() {}

  static SignedManifest read(JsonNode manifest) {
    ObjectNode unsigned = ((ObjectNode) manifest).deepCopy();
    unsigned.remove("signature");
    List<ManifestChunk> chunks = new ArrayList<>();
    for (JsonNode chunk : manifest.get("chunks")) {
      chunks.add(new ManifestChunk(chunk.get("index").asInt(), chunk.get("offset").asLong(),
          chunk.get("length").asInt(), chunk.get("sha256").asString()));
    }
    return new SignedManifest(
        ProductId.parse(manifest.get("product_id").asString()),
        manifest.get("version").asInt(),
        manifest.get("ciphertext_length").asLong(),
        manifest.get("ciphertext_sha256").asString(),
        manifest.get("chunk_size").asInt(),
        chunks,
        new KeyId(manifest.get("seller_key_id").asString()),
        CanonicalJson.bytes(unsigned),
        Base64.getUrlDecoder().decode(manifest.get("signature").asString()),
        CanonicalJson.string(manifest),
        manifest.hasNonNull("transfer_id") ? UUID.fromString(manifest.get("transfer_id").asString()) : null);
  }
}
