package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Wycheproof Ed25519 vector through {@link Ed25519#verify}: valid signatures verify;
 * malleable (S &gt;= L), truncated, padded, non-canonical and forged ones are refused.
 */
class Ed25519WycheproofTest {

  private static final String FILE = "ed25519_test.json";

  static Stream<Wycheproof.Case> validVectors() {
    return Wycheproof.cases(FILE).stream().filter(Wycheproof.Case::valid);
  }

  static Stream<Wycheproof.Case> invalidVectors() {
    return Wycheproof.cases(FILE).stream().filter(c -> !c.valid());
  }

  @Test
  void runsEveryVectorTheFileDeclares() {
    assertThat(validVectors().count() + invalidVectors().count())
        .isEqualTo(Wycheproof.declaredCount(FILE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void verifiesValidSignatures(Wycheproof.Case vector) {
    assertThatCode(
            () -> Ed25519.verify(publicKey(vector), vector.bytes("msg"), vector.bytes("sig")))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidVectors")
  void refusesInvalidSignatures(Wycheproof.Case vector) {
    assertThatThrownBy(
            () -> Ed25519.verify(publicKey(vector), vector.bytes("msg"), vector.bytes("sig")))
        .isInstanceOf(SignatureException.class);
  }

  private static byte[] publicKey(Wycheproof.Case vector) {
    return Wycheproof.hex(vector.group().get("publicKey").get("pk").asString());
  }
}
