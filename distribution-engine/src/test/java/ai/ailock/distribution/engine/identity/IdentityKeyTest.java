package ai.ailock.distribution.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityKeyTest {

  @Test
  void keepsItsOwnCopyOfTheKeyBytes() {
    byte[] ed25519 = new byte[32];
    byte[] x25519 = new byte[32];
    byte[] binding = new byte[64];
    var key = new IdentityKey(new KeyId("0".repeat(32)), new AilockId("a1"), ed25519, x25519, binding,
        Instant.EPOCH, null);

    ed25519[0] = 1;
    x25519[0] = 1;
    binding[0] = 1;

    assertThat(key.ed25519Public()[0]).isZero();
    assertThat(key.x25519Public()[0]).isZero();
    assertThat(key.x25519Signature()[0]).isZero();
  }
}
