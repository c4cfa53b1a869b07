package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Wycheproof.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyIdsTest {

  @Test
  void isTheLowercaseHexOfTheFirst16BytesOfSha256() {
    byte[] rfc8032Test1Public =
        hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    String keyId = KeyIds.of(rfc8032Test1Public);

    assertThat(keyId).isEqualTo("21fe31dfa154a261626bf854046fd227").hasSize(32);
  }

  @Test
  void differsBetweenKeys() {
    assertThat(KeyIds.of(Ed25519.generateKeyPair().publicKey()))
        .matches("[0-9a-f]{32}")
        .isNotEqualTo(KeyIds.of(Ed25519.generateKeyPair().publicKey()));
  }

  @Test
  void refusesKeysThatAreNot32Bytes() {
    assertThatThrownBy(() -> KeyIds.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
  }
}
