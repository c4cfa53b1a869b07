package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Wycheproof.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class X25519Test {

  @Test
  void bothSidesDeriveTheSameSharedSecret() throws Exception {
    X25519KeyPair alice = X25519.generateKeyPair();
    X25519KeyPair bob = X25519.generateKeyPair();

    byte[] aliceView = X25519.sharedSecret(alice.privateKey(), bob.publicKey());
    byte[] bobView = X25519.sharedSecret(bob.privateKey(), alice.publicKey());

    assertThat(aliceView).isEqualTo(bobView).isNotEqualTo(new byte[32]);
  }

  @Test
  void rebuildsTheKeyPairFromThePrivateKey() {
    X25519KeyPair generated = X25519.generateKeyPair();

    X25519KeyPair rebuilt = X25519.keyPairFromPrivateKey(generated.privateKey());

    assertThat(rebuilt.publicKey()).isEqualTo(generated.publicKey());
  }

  @Test
  void acceptsGeneratedPublicKeys() {
    assertThatCode(() -> X25519.checkPublicKey(X25519.generateKeyPair().publicKey()))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000000000000000000000000000000000000000000000000000000000000000", // 0
        "0100000000000000000000000000000000000000000000000000000000000000", // 1
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", // order 8
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157", // order 8
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p - 1
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p (= 0)
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 1 (= 1)
        "0000000000000000000000000000000000000000000000000000000000000080", // 0, high bit set
      })
  void refusesAllZeroAndLowOrderPublicKeysInAnyEncoding(String publicKey) {
    assertThatThrownBy(() -> X25519.checkPublicKey(hex(publicKey)))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(
            () -> X25519.sharedSecret(X25519.generateKeyPair().privateKey(), hex(publicKey)))
        .isInstanceOf(InvalidKeyException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 9, i.e. 9
        "0900000000000000000000000000000000000000000000000000000000000080", // 9, top bit set
      })
  void refusesNonCanonicalEncodingsOfOrdinaryPoints(String publicKey) {
    assertThatThrownBy(() -> X25519.checkPublicKey(hex(publicKey)))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageContaining("canonical");
    assertThatThrownBy(() -> SealedBox.seal(new byte[32], hex(publicKey)))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void acceptsTheBasePoint() {
    assertThatCode(
            () -> X25519.checkPublicKey(
                hex("0900000000000000000000000000000000000000000000000000000000000000")))
        .doesNotThrowAnyException();
  }

  @Test
  void treatsWrongKeyLengthsAsProgrammingErrors() {
    assertThatThrownBy(() -> X25519.checkPublicKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> X25519.sharedSecret(new byte[33], new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doesNotPrintThePrivateKey() {
    X25519KeyPair keyPair = X25519.keyPairFromPrivateKey(new byte[32]);

    assertThat(keyPair.toString()).doesNotContain("0".repeat(64));
  }
}
