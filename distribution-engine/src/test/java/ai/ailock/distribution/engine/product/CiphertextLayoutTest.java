package ai.ailock.distribution.engine.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CiphertextLayoutTest {
  private static final long HEADER = 24 + 32; // salt + key commitment
  private static final long TAG = 16;

  @ParameterizedTest(name = "{0} plaintext bytes -> {1} records")
  @CsvSource({
      "0, 1",            // only the empty final record
      "1, 1",
      "16383, 1",        // one short record
      "16384, 2",        // a full record, then the empty final one
      "16385, 2",
      "209715200, 12801" // 200 MiB: 12 800 full records and the empty final one
  })
  void addsTheHeaderAndOneTagPerRecord(long plaintext, long records) {
    assertThat(CiphertextLayout.ciphertextLength(plaintext)).isEqualTo(HEADER + plaintext + TAG * records);
  }

  @Test
  void knowsTheSmallestCiphertexts() {
    assertThat(CiphertextLayout.ciphertextLength(0)).isEqualTo(72);
    assertThat(CiphertextLayout.ciphertextLength(1)).isEqualTo(73);
    assertThat(CiphertextLayout.ciphertextLength(16_384)).isEqualTo(16_472);
    assertThat(CiphertextLayout.ciphertextLength(200L * 1024 * 1024)).isEqualTo(209_920_072L);
  }

  @Test
  void refusesANegativeLength() {
    assertThatThrownBy(() -> CiphertextLayout.ciphertextLength(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
