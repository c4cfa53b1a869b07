package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Wycheproof HKDF-SHA-512 vector through {@link Hkdf}. */
class HkdfWycheproofTest {

  private static final String FILE = "hkdf_sha512_test.json";

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
  void derivesTheExpectedOutputKeyingMaterial(Wycheproof.Case vector) {
    byte[] okm =
        Hkdf.derive(
            vector.bytes("ikm"),
            vector.bytes("salt"),
            vector.bytes("info"),
            vector.test().get("size").asInt());

    assertThat(okm).isEqualTo(vector.bytes("okm"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidVectors")
  void refusesOutputLengthsAbove255HashLengths(Wycheproof.Case vector) {
    assertThat(vector.flags()).containsExactly("SizeTooLarge");
    assertThatThrownBy(
            () ->
                Hkdf.derive(
                    vector.bytes("ikm"),
                    vector.bytes("salt"),
                    vector.bytes("info"),
                    vector.test().get("size").asInt()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
