package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Wycheproof X25519 vector through {@link X25519#sharedSecret}: the expected shared secret,
 * except where it would be all-zero (low-order public keys), which must be refused. "acceptable"
 * vectors (twist points, non-canonical encodings) are computed as RFC 7748 says.
 */
class X25519WycheproofTest {

  private static final String FILE = "x25519_test.json";

  static Stream<Wycheproof.Case> nonZeroVectors() {
    return Wycheproof.cases(FILE).stream().filter(c -> !X25519.isAllZero(c.bytes("shared")));
  }

  static Stream<Wycheproof.Case> zeroSharedSecretVectors() {
    return Wycheproof.cases(FILE).stream().filter(c -> X25519.isAllZero(c.bytes("shared")));
  }

  @Test
  void runsEveryVectorTheFileDeclares() {
    assertThat(nonZeroVectors().count() + zeroSharedSecretVectors().count())
        .isEqualTo(Wycheproof.declaredCount(FILE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonZeroVectors")
  void computesTheExpectedSharedSecret(Wycheproof.Case vector) throws Exception {
    byte[] shared = X25519.sharedSecret(vector.bytes("private"), vector.bytes("public"));

    assertThat(shared).isEqualTo(vector.bytes("shared"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zeroSharedSecretVectors")
  void refusesLowOrderPublicKeys(Wycheproof.Case vector) {
    assertThat(vector.flags()).contains("ZeroSharedSecret");
    assertThatThrownBy(() -> X25519.sharedSecret(vector.bytes("private"), vector.bytes("public")))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> X25519.checkPublicKey(vector.bytes("public")))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> SealedBox.seal(new byte[32], vector.bytes("public")))
        .isInstanceOf(InvalidKeyException.class);
  }
}
