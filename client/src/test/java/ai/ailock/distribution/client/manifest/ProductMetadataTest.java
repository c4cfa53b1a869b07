package ai.ailock.distribution.client.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneDecryptor;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProductMetadataTest {
  static final String PRODUCT = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b";
  static final ProductMetadata METADATA = new ProductMetadata("recordings-vol2.zip", "application/zip",
      "c".repeat(64), 209715200L);

  @Test
  void decryptsWhatItEncrypted() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();

    String encrypted = METADATA.encrypt(key, PRODUCT, 1);

    assertThat(encrypted).matches("[A-Za-z0-9_-]+");
    assertThat(ProductMetadata.decrypt(key, PRODUCT, 1, encrypted)).isEqualTo(METADATA);
  }

  @Test
  void encryptsTheCanonicalJsonUnderTheMetadataContext() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();
    byte[] ciphertext = Base64.getUrlDecoder().decode(METADATA.encrypt(key, PRODUCT, 3));

    byte[] plaintext = CobblestoneDecryptor.decrypting(key, CobblestoneContext.metadata(PRODUCT, "3"),
        new ByteArrayInputStream(ciphertext)).readAllBytes();

    assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo("{\"content_type\":\"application/zip\","
        + "\"file_name\":\"recordings-vol2.zip\",\"plaintext_length\":209715200,\"plaintext_sha256\":\""
        + "c".repeat(64) + "\"}");
  }

  @Test
  void refusesAnotherKeyProductVersionOrContext() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();
    String encrypted = METADATA.encrypt(key, PRODUCT, 1);

    assertThatThrownBy(() -> ProductMetadata.decrypt(CobblestoneEncryptor.generateKey(), PRODUCT, 1, encrypted))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(() -> ProductMetadata.decrypt(key, "another-product", 1, encrypted))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(() -> ProductMetadata.decrypt(key, PRODUCT, 2, encrypted))
        .isInstanceOf(InvalidCiphertextException.class);
    byte[] asContent = CobblestoneEncryptor.encrypting(key, CobblestoneContext.content(PRODUCT, "1"),
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))).readAllBytes();
    assertThatThrownBy(() -> ProductMetadata.decrypt(key, PRODUCT, 1,
        Base64.getUrlEncoder().withoutPadding().encodeToString(asContent)))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void refusesMetadataWithMissingOrExtraMembers() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();
    for (String json : new String[] {"{\"file_name\":\"a\"}", "[]",
        "{\"content_type\":\"a/b\",\"file_name\":\"a\",\"plaintext_length\":1,\"plaintext_sha256\":\""
            + "c".repeat(64) + "\",\"x\":1}",
        "{\"content_type\":\"a/b\",\"file_name\":\"a\",\"plaintext_length\":-1,\"plaintext_sha256\":\""
            + "c".repeat(64) + "\"}"}) {
      byte[] ciphertext = CobblestoneEncryptor.encrypting(key, CobblestoneContext.metadata(PRODUCT, "1"),
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).readAllBytes();

      assertThatThrownBy(() -> ProductMetadata.decrypt(key, PRODUCT, 1,
          Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext)))
          .as(json).isInstanceOf(InvalidManifestException.class);
    }
  }
}
