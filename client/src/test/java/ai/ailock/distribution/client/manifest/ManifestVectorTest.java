package ai.ailock.distribution.client.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.receipt.DeliveryReceipt;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The examples of docs/crypto.md ("Manifest", "Receipts"), checked end to end. */
class ManifestVectorTest {
  static final byte[] RFC8032_TEST1_PUBLIC =
      HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  static final String MANIFEST = "{\"algorithms\":{\"chunk_hash\":\"sha-256\",\"content\":\"cobblestone-256\","
      + "\"envelope\":\"x25519-sealedbox\",\"record_size\":16384,\"signature\":\"ed25519\"},\"chunk_size\":65536,"
      + "\"chunks\":[{\"index\":0,\"length\":65536,\"offset\":0,\"sha256\":"
      + "\"f42d5ee010d5edc28be9b5d1ad97ec8d54787d6b7097ecb0d76c95fa56375ad0\"},{\"index\":1,\"length\":34632,"
      + "\"offset\":65536,\"sha256\":\"d1054a3173ed67861725a709c348b5ab56275ae7785606546bb04fcbdd8dce48\"}],"
      + "\"ciphertext_length\":100168,\"ciphertext_sha256\":"
      + "\"ca169c2d02b9595a2e7bcb2cd4cdde9393d0c036c53991ba4ec83bb3ad7fa5fd\",\"created_at\":"
      + "\"2026-05-01T12:00:00Z\",\"encrypted_metadata\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAANqAHIQKwn0yvNMTLRWgob"
      + "tqW-rb7lrBOTy4Z98QSmmAUZOoEZRynKHj_H1dR5TuRomBt-dVegkWZeGhol5jKJiyuDn8oPZI_kv5E6qnaUKgYs24S20OB5mYNTs5Ney"
      + "6KGf5jJqwurBZub39apH0AmEVrTudQKR4KX6TI7JPm-nv0aeDLC_IIuexchD6ePMYEpA8L7hA6S3AhmYaVS5PxvTOk4TgD2E3djxw6EO9k"
      + "VmwFPzW0PAY8cbsAU_8v6jKI-QYE1fApnsQvJ9BYna1knYj28stc2kPTa6X41_T1MzOqC2RaIg\",\"format\":"
      + "\"ailock-manifest-v1\",\"product_id\":\"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b\",\"profile\":"
      + "\"ailock-e2ee-v1\",\"seller_key_id\":\"21fe31dfa154a261626bf854046fd227\",\"signature\":"
      + "\"VguGCA657T4cpLW-lXKjRfx00eRjBAc6h7fp_67Lnjd_ypiU4BPcfodJziSBRkdvmuI148i69Ioou1jKg0yJAA\",\"version\":1}";
  static final String RECEIPT = "{\"client_hash\":\"db8f1d69251d95e2c88268d3c540533cc5182e0e33065a6f3f322f606a574489\","
      + "\"format\":\"ailock-receipt-v1\",\"manifest_sha256\":"
      + "\"68913f51962ec5fe2077e7489b89130c7a47efdc54b3ede0cae938c890e67a76\",\"received_at\":\"2026-05-02T08:30:00Z\","
      + "\"recipient_key_id\":\"21fe31dfa154a261626bf854046fd227\",\"signature\":"
      + "\"WjMyjt_cvQqM9l3e92zP3yWGzVgjuBhz3Zy5HAylV_VrR9yMNcxKSK2liDrjlPgsZO5sHkGQxBLAgsIbkNa1Bw\",\"transfer_id\":"
      + "\"0b7d3c9e-1f2a-4b5c-8d9e-0f1a2b3c4d5e\"}";

  @Test
  void theDocumentedManifestVerifiesAndDescribesItsCiphertext() throws Exception {
    Manifest manifest = ManifestParser.parse(MANIFEST.getBytes(StandardCharsets.UTF_8));
    manifest.verify(RFC8032_TEST1_PUBLIC);
    assertThat(manifest.canonicalBytes()).isEqualTo(MANIFEST.getBytes(StandardCharsets.UTF_8));
    assertThat(manifest.sha256()).isEqualTo("68913f51962ec5fe2077e7489b89130c7a47efdc54b3ede0cae938c890e67a76");

    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    byte[] salt = new byte[24];
    Arrays.fill(salt, (byte) 1);
    byte[] plaintext = new byte[100_000];
    for (int i = 0; i < plaintext.length; i++) {
      plaintext[i] = (byte) i;
    }
    byte[] ciphertext = CobblestoneEncryptor.resuming(key, CobblestoneContext.content(manifest.productId(), "1"),
        new ByteArrayInputStream(plaintext), salt).readAllBytes();
    assertThat(ciphertext).hasSize((int) manifest.ciphertextLength());
    assertThat(sha256(ciphertext)).isEqualTo(manifest.ciphertextSha256());
    for (ManifestChunk chunk : manifest.chunks()) {
      assertThat(sha256(Arrays.copyOfRange(ciphertext, (int) chunk.offset(), (int) chunk.offset() + chunk.length())))
          .isEqualTo(chunk.sha256());
    }
    ProductMetadata metadata = ProductMetadata.decrypt(key, manifest.productId(), 1, manifest.encryptedMetadata());
    assertThat(metadata).isEqualTo(new ProductMetadata("example.bin", "application/octet-stream", sha256(plaintext),
        100_000));
  }

  @Test
  void theDocumentedReceiptVerifies() throws Exception {
    DeliveryReceipt receipt = DeliveryReceipt.parse(RECEIPT.getBytes(StandardCharsets.UTF_8));

    receipt.verify(RFC8032_TEST1_PUBLIC);
    assertThat(receipt.canonicalBytes()).isEqualTo(RECEIPT.getBytes(StandardCharsets.UTF_8));
    assertThat(receipt.clientHash()).isEqualTo(
        "db8f1d69251d95e2c88268d3c540533cc5182e0e33065a6f3f322f606a574489");
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
