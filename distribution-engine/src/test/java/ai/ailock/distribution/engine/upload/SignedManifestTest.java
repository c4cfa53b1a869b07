package ai.ailock.distribution.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.product.ProductId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedManifestTest {

  @Test
  void keepsItsOwnCopyOfTheChunksAndSignedBytes() {
    var chunks = new ArrayList<>(List.of(new ManifestChunk(0, 0, 100, "a".repeat(64))));
    byte[] signedBytes = {1, 2, 3};
    byte[] signature = new byte[64];
    var manifest = new SignedManifest(new ProductId(UUID.randomUUID()), 1, 100, "b".repeat(64), 65_536, chunks,
        new KeyId("0".repeat(32)), signedBytes, signature, "{}", null);

    chunks.clear();
    signedBytes[0] = 9;
    signature[0] = 9;

    assertThat(manifest.chunks()).hasSize(1);
    assertThat(manifest.signedBytes()).containsExactly(1, 2, 3);
    assertThat(manifest.signature()[0]).isZero();
  }
}
