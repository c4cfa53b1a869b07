package ai.ailock.distribution.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchemaValidatorTest {
  private static final SchemaValidator VALIDATOR = new SchemaValidator();

  private static JsonNode json(String text) {
    return WireJson.mapper().readTree(text);
  }

  private static List<String> pointers(WireSchema schema, String document) {
    return VALIDATOR.validate(schema, json(document)).stream().map(Violation::pointer).toList();
  }

  @Test
  void acceptsAProductWithPolicyAndRequiredInputs() {
    String product = """
        {"title": "Album", "content_type": "audio/flac", "size": 1024,
         "policy": {"retention_days": 7, "download_limit": 2, "price": {"amount": 1500, "currency": "usd"},
                    "required_inputs": [{"id": "company", "label": "Company", "type": "text",
                                         "timing": "pre_payment", "required": true,
                                         "constraints": {"max_len": 80, "mime_types": ["image/*"]}}]}}
        """;
    assertThat(VALIDATOR.validate(WireSchema.PRODUCT_CREATE, json(product))).isEmpty();
  }

  @Test
  void namesTheMissingPropertyByItsPointer() {
    assertThat(pointers(WireSchema.PRODUCT_CREATE, "{\"title\": \"x\", \"size\": 1}")).containsExactly("/content_type");
  }

  @Test
  void namesAnUnexpectedPropertyByItsPointer() {
    assertThat(pointers(WireSchema.PRODUCT_CREATE,
        "{\"title\": \"x\", \"content_type\": \"a/b\", \"size\": 1, \"owner\": \"someone-else\"}"))
        .containsExactly("/owner");
  }

  @Test
  void pointsIntoNestedRequiredInputs() {
    String product = """
        {"title": "x", "content_type": "a/b", "size": 1,
         "policy": {"retention_days": 30, "required_inputs": [{"id": "Bad Id", "label": "L", "type": "text",
                                                               "timing": "whenever", "required": true}]}}
        """;
    assertThat(pointers(WireSchema.PRODUCT_CREATE, product)).containsExactly(
        "/policy/required_inputs/0/id", "/policy/required_inputs/0/timing", "/policy/retention_days");
  }

  @Test
  void assertsFormats() {
    assertThat(pointers(WireSchema.UPLOAD_INIT, "{\"product_id\": \"not-a-uuid\", \"ciphertext_length\": 10}"))
        .containsExactly("/product_id");
  }

  @Test
  void refusesAManifestWithAForeignAlgorithm() {
    String manifest = """
        {"format": "ailock-manifest-v1", "product_id": "7f8a2a9e-3f43-4a53-9d7b-0f6f1a3f0c11", "version": 1,
         "profile": "ailock-e2ee-v1",
         "algorithms": {"content": "aes-ctr", "record_size": 16384, "chunk_hash": "sha-256",
                        "signature": "ed25519", "envelope": "x25519-sealedbox"},
         "ciphertext_length": 100, "ciphertext_sha256": "%s", "chunk_size": 100,
         "chunks": [{"index": 0, "offset": 0, "length": 100, "sha256": "%s"}],
         "encrypted_metadata": "AAAA", "seller_key_id": "0123456789abcdef0123456789abcdef",
         "created_at": "2026-11-22T10:00:00Z", "signature": "%s"}
        """.formatted("a".repeat(64), "b".repeat(64), "A".repeat(86));
    assertThat(pointers(WireSchema.MANIFEST, manifest)).containsExactly("/algorithms/content");
  }

  @Test
  void acceptsAnAckWithAWellFormedReceiptAndPointsIntoABadOne() {
    String receipt = """
        {"format": "ailock-receipt-v1", "transfer_id": "0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e",
         "manifest_sha256": "%s", "client_hash": "%s", "recipient_key_id": "21fe31dfa154a261626bf854046fd227",
         "received_at": "2026-05-02T08:30:00Z", "signature": "%s"}""".formatted("a".repeat(64), "b".repeat(64),
        "c".repeat(86));
    assertThat(VALIDATOR.validate(WireSchema.PRODUCT_ACK, json(
        "{\"transfer_id\": \"0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e\", \"receipt\": " + receipt + "}"))).isEmpty();
    assertThat(pointers(WireSchema.PRODUCT_ACK, "{\"transfer_id\": \"0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e\", "
        + "\"receipt\": " + receipt.replace("ailock-receipt-v1", "ailock-manifest-v1") + "}"))
        .containsExactly("/receipt/format");
  }

  @Test
  void aGrantNamesTheRecipientKeyWithItsEnvelope() {
    String transfer = "\"transfer_id\": \"0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e\"";
    assertThat(VALIDATOR.validate(WireSchema.PRODUCT_GRANT, json("{" + transfer + "}"))).isEmpty();
    assertThat(VALIDATOR.validate(WireSchema.PRODUCT_GRANT, json("{" + transfer + ", \"key_envelope\": \""
        + "A".repeat(107) + "\"}"))).isNotEmpty();
    assertThat(VALIDATOR.validate(WireSchema.PRODUCT_GRANT, json("{" + transfer + ", \"key_envelope\": \""
        + "A".repeat(107) + "\", \"recipient_key_id\": \"" + "0".repeat(32) + "\"}"))).isEmpty();
  }
}
