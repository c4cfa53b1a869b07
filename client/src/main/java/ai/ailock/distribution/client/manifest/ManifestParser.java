package ai.ailock.distribution.client.manifest;

import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;

/**
 * Reads manifests strictly: the JSON must match {@code manifest.schema.json} (no unknown, missing or duplicate
 * members), its chunk size must be at most {@link Manifest#MAX_CHUNK_SIZE}, and its chunks must tile the
 * ciphertext exactly: chunk {@code i} has index {@code i}, offset {@code i × chunk_size} and length
 * {@code chunk_size}, except the last, which ends at {@code ciphertext_length}. Thread-safe.
 */
public final class ManifestParser {
  private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

  private ManifestParser() {}

  /**
   * Parses a manifest. This does not verify its signature: call {@link Manifest#verify} next.
   *
   * @throws InvalidManifestException if the bytes are not a well-formed manifest
   */
  public static Manifest parse(byte[] json) throws InvalidManifestException {
    if (json.length > MAX_MANIFEST_BYTES) {
      throw new InvalidManifestException("the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = WireJson.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(json);
    } catch (JacksonException e) {
      throw new InvalidManifestException("the manifest is not JSON: " + e.getOriginalMessage());
    }
    Manifest manifest = fromSchemaValid(node);
    checkTiling(manifest);
    return manifest;
  }

  /** Schema validation plus the tiling rules; {@code json} must be {@code manifest}'s JSON form. */
  static void check(JsonNode json, Manifest manifest) throws InvalidManifestException {
    List<Violation> violations = Validator.INSTANCE.validate(WireSchema.MANIFEST, json);
    if (!violations.isEmpty()) {
      throw new InvalidManifestException("the manifest does not match manifest.schema.json: " + violations);
    }
    checkTiling(manifest);
  }

  private static void checkTiling(Manifest manifest) throws InvalidManifestException {
    List<String> problems = tilingProblems(manifest);
    if (!problems.isEmpty()) {
      throw new InvalidManifestException("the manifest's chunks do not tile its ciphertext: " + problems);
    }
  }

  private static Manifest fromSchemaValid(JsonNode node) throws InvalidManifestException {
    List<Violation> violations = Validator.INSTANCE.validate(WireSchema.MANIFEST, node);
    if (!violations.isEmpty()) {
      throw new InvalidManifestException("the manifest does not match manifest.schema.json: " + violations);
    }
    for (JsonNode number : Arrays.asList(node.get("version"), node.get("ciphertext_length"), node.get("chunk_size"))) {
      if (!number.isIntegralNumber() || !number.canConvertToLong()) {
        throw new InvalidManifestException("manifest numbers must be integers");
      }
    }
    if (!node.get("version").canConvertToInt() || !node.get("chunk_size").canConvertToInt()) {
      throw new InvalidManifestException("version and chunk_size must fit in 31 bits");
    }
    List<ManifestChunk> chunks = new ArrayList<>();
    for (JsonNode chunk : node.get("chunks")) {
      JsonNode index = chunk.get("index");
      JsonNode offset = chunk.get("offset");
      JsonNode length = chunk.get("length");
      if (!index.isIntegralNumber() || !index.canConvertToInt() || !offset.isIntegralNumber()
          || !offset.canConvertToLong() || !length.isIntegralNumber() || !length.canConvertToInt()) {
        throw new InvalidManifestException("chunk index, offset and length must be integers in range");
      }
      chunks.add(new ManifestChunk(index.asInt(), offset.asLong(), length.asInt(), chunk.get("sha256").asString()));
    }
    return new Manifest(node.get("product_id").asString(), node.get("version").asInt(),
        node.get("ciphertext_length").asLong(), node.get("ciphertext_sha256").asString(),
        node.get("chunk_size").asInt(), chunks, node.get("encrypted_metadata").asString(),
        node.get("seller_key_id").asString(), node.get("created_at").asString(), node.get("signature").asString(),
        node.hasNonNull("transfer_id") ? node.get("transfer_id").asString() : null);
  }

  private static List<String> tilingProblems(Manifest m) {
    List<String> problems = new ArrayList<>();
    if (m.chunkSize() > Manifest.MAX_CHUNK_SIZE) {
      problems.add("chunk_size " + m.chunkSize() + " is above " + Manifest.MAX_CHUNK_SIZE);
      return problems;
    }
    long expectedCount = (m.ciphertextLength() + m.chunkSize() - 1) / m.chunkSize();
    if (m.chunks().size() != expectedCount) {
      problems.add(m.chunks().size() + " chunks listed, " + expectedCount + " expected");
      return problems;
    }
    for (int i = 0; i < m.chunks().size() && problems.size() < 5; i++) {
      ManifestChunk chunk = m.chunks().get(i);
      long offset = (long) i * m.chunkSize();
      long length = Math.min(m.chunkSize(), m.ciphertextLength() - offset);
      if (chunk.index() != i || chunk.offset() != offset || chunk.length() != length) {
        problems.add("chunk " + i + " must be index " + i + ", offset " + offset + ", length " + length);
      }
    }
    return problems;
  }

  /** Loading the schemas takes a moment; done once, on first use. */
  private static final class Validator {
    static final SchemaValidator INSTANCE = new SchemaValidator();
  }
}
