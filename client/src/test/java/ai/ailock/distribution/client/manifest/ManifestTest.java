package ai.ailock.distribution.client.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class ManifestTest {
  static final AilockKeys SELLER = AilockKeys.generate();
  static final String PRODUCT = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b";
  static final String HASH_A = "a".repeat(64);

  static ManifestDraft draft() {
    List<ManifestChunk> chunks = new ArrayList<>();
    chunks.add(new ManifestChunk(0, 0, 65536, "0".repeat(64)));
    chunks.add(new ManifestChunk(1, 65536, 65536, "1".repeat(64)));
    chunks.add(new ManifestChunk(2, 131072, 1000, "2".repeat(64)));
    return new ManifestDraft(PRODUCT, 1, 132072, HASH_A, 65536, chunks, "bWV0YWRhdGE",
        Instant.parse("2026-01-02T03:04:05.678Z"), null);
  }

  static byte[] bytes(ObjectNode json) {
    return WireJson.mapper().writeValueAsBytes(json);
  }

  @Test
  void signsAManifestThatParsesAndVerifies() throws Exception {
    Manifest manifest = Manifest.sign(draft(), SELLER);

    Manifest parsed = ManifestParser.parse(bytes(manifest.toJson()));

    assertThat(parsed).isEqualTo(manifest);
    assertThat(parsed.sellerKeyId()).isEqualTo(SELLER.keyId());
    assertThat(parsed.createdAt()).isEqualTo("2026-01-02T03:04:05Z");
    parsed.verify(SELLER.signing().publicKey());
  }

  @Test
  void parsesTheServiceCanonicalForm() throws Exception {
    Manifest manifest = Manifest.sign(draft(), SELLER);

    Manifest parsed = ManifestParser.parse(manifest.canonicalBytes());

    parsed.verify(SELLER.signing().publicKey());
    assertThat(parsed.sha256()).isEqualTo(manifest.sha256());
  }

  @Test
  void signsTheCanonicalFormWithoutTheSignatureMember() throws Exception {
    Manifest manifest = Manifest.sign(draft(), SELLER);
    ObjectNode unsigned = manifest.toJson();
    unsigned.remove("signature");

    String signed = new String(manifest.signedBytes(), StandardCharsets.UTF_8);

    assertThat(manifest.signedBytes()).isEqualTo(CanonicalJson.bytes(unsigned));
    assertThat(signed).doesNotContain(manifest.signature()).startsWith("{\"algorithms\":{\"chunk_hash\"")
        .contains("\"seller_key_id\":\"" + SELLER.keyId() + "\"");
    assertThat(new String(manifest.canonicalBytes(), StandardCharsets.UTF_8))
        .contains("\"signature\":\"" + manifest.signature() + "\"");
  }

  @Test
  void signsDeterministically() {
    assertThat(Manifest.sign(draft(), SELLER)).isEqualTo(Manifest.sign(draft(), SELLER));
  }

  @Test
  void refusesAnotherSellersKey() {
    Manifest manifest = Manifest.sign(draft(), SELLER);

    assertThatThrownBy(() -> manifest.verify(AilockKeys.generate().signing().publicKey()))
        .isInstanceOf(SignatureException.class);
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of("format", (Consumer<ObjectNode>) m -> m.put("format", "ailock-manifest-v2")),
        Arguments.of("product_id", (Consumer<ObjectNode>) m -> m.put("product_id",
            "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6c")),
        Arguments.of("version", (Consumer<ObjectNode>) m -> m.put("version", 2)),
        Arguments.of("profile", (Consumer<ObjectNode>) m -> m.put("profile", "ailock-e2ee-v2")),
        Arguments.of("algorithms", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("algorithms"))
            .put("content", "aes-256-gcm")),
        Arguments.of("ciphertext_length", (Consumer<ObjectNode>) m -> m.put("ciphertext_length", 132071)),
        Arguments.of("ciphertext_sha256", (Consumer<ObjectNode>) m -> m.put("ciphertext_sha256", "b".repeat(64))),
        Arguments.of("chunk_size", (Consumer<ObjectNode>) m -> m.put("chunk_size", 65537)),
        Arguments.of("chunks[1].sha256", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("chunks").get(1))
            .put("sha256", "f".repeat(64))),
        Arguments.of("chunks[2].length", (Consumer<ObjectNode>) m -> ((ObjectNode) m.get("chunks").get(2))
            .put("length", 999)),
        Arguments.of("chunks dropped", (Consumer<ObjectNode>) m -> ((tools.jackson.databind.node.ArrayNode)
            m.get("chunks")).remove(2)),
        Arguments.of("encrypted_metadata", (Consumer<ObjectNode>) m -> m.put("encrypted_metadata", "bWV0YWRhdGB")),
        Arguments.of("seller_key_id", (Consumer<ObjectNode>) m -> m.put("seller_key_id", "0".repeat(32))),
        Arguments.of("created_at", (Consumer<ObjectNode>) m -> m.put("created_at", "2026-01-02T03:04:06Z")),
        Arguments.of("signature", (Consumer<ObjectNode>) m -> {
          String s = m.get("signature").asString();
          m.put("signature", (s.charAt(0) == 'A' ? "B" : "A") + s.substring(1));
        }),
        Arguments.of("extra member", (Consumer<ObjectNode>) m -> m.put("note", "hi")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void refusesAManifestWithAnyMemberChanged(String member, Consumer<ObjectNode> tamper) {
    ObjectNode json = Manifest.sign(draft(), SELLER).toJson();
    tamper.accept(json);

    assertThatThrownBy(() -> ManifestParser.parse(bytes(json)).verify(SELLER.signing().publicKey()))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void refusesDuplicateMembers() {
    String json = new String(Manifest.sign(draft(), SELLER).canonicalBytes(), StandardCharsets.UTF_8);
    String duplicated = json.replaceFirst("\\{", "{\"version\":2,");

    assertThatThrownBy(() -> ManifestParser.parse(duplicated.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidManifestException.class);
  }

  @Test
  void refusesChunksLargerThanFourMebibytes() {
    int big = Manifest.MAX_CHUNK_SIZE + 65536;
    var chunks = List.of(new ManifestChunk(0, 0, big, "0".repeat(64)), new ManifestChunk(1, big, 10, "1".repeat(64)));
    var draft = new ManifestDraft(PRODUCT, 1, big + 10L, HASH_A, big, chunks, "bWV0YQ", Instant.now(), null);

    assertThatThrownBy(() -> Manifest.sign(draft, SELLER)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesChunksThatDoNotTileTheCiphertext() {
    var chunks = List.of(new ManifestChunk(0, 0, 65536, "0".repeat(64)), new ManifestChunk(1, 65535, 10,
        "1".repeat(64)));
    var draft = new ManifestDraft(PRODUCT, 1, 65546, HASH_A, 65536, chunks, "bWV0YQ", Instant.now(), null);

    assertThatThrownBy(() -> Manifest.sign(draft, SELLER)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tile");
  }

  @Test
  void refusesNonJson() {
    assertThatThrownBy(() -> ManifestParser.parse("{\"format\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidManifestException.class);
  }
}
