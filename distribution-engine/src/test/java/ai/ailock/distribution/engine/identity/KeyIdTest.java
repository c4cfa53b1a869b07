package ai.ailock.distribution.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyIdTest {
  /** The public key of RFC 8032, section 7.1, test 1. */
  private static final byte[] RFC8032_TEST1_PUBLIC =
      HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

  @Test
  void isTheLowercaseHexOfTheFirst16BytesOfTheKeysSha256() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(RFC8032_TEST1_PUBLIC);
    String expected = HexFormat.of().formatHex(Arrays.copyOf(digest, 16));

    KeyId keyId = KeyId.of(RFC8032_TEST1_PUBLIC);

    assertThat(keyId.value()).isEqualTo(expected).hasSize(32).matches("[0-9a-f]+");
  }

  @Test
  void differsForDifferentKeys() {
    byte[] other = RFC8032_TEST1_PUBLIC.clone();
    other[0] ^= 1;

    assertThat(KeyId.of(other)).isNotEqualTo(KeyId.of(RFC8032_TEST1_PUBLIC));
  }

  @Test
  void refusesKeysThatAreNot32Bytes() {
    assertThatThrownBy(() -> KeyId.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyId.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0123456789abcdef0123456789abcde", "0123456789ABCDEF0123456789ABCDEF",
      "0123456789abcdef0123456789abcdef0", "0123456789abcdef0123456789abcdeg"})
  void refusesMalformedValues(String value) {
    assertThatThrownBy(() -> new KeyId(value)).isInstanceOf(IllegalArgumentException.class);
  }
}
