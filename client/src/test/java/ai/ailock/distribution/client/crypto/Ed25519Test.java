package ai.ailock.distribution.client.crypto;

import static ai.ailock.distribution.client.crypto.Wycheproof.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519Test {

  // RFC 8032 §7.1, TEST 1
  private static final byte[] RFC_SEED =
      hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] RFC_PUBLIC =
      hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final byte[] RFC_SIGNATURE =
      hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
          + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  @Test
  void derivesTheRfc8032KeyAndSignatureFromTheSeed() {
    Ed25519KeyPair keyPair = Ed25519.keyPairFromSeed(RFC_SEED);

    byte[] signature = Ed25519.sign(keyPair, new byte[0]);

    assertThat(keyPair.publicKey()).isEqualTo(RFC_PUBLIC);
    assertThat(signature).isEqualTo(RFC_SIGNATURE);
  }

  @Test
  void verifiesItsOwnSignatures() {
    Ed25519KeyPair keyPair = Ed25519.generateKeyPair();
    byte[] message = "receipt".getBytes(StandardCharsets.UTF_8);

    byte[] signature = Ed25519.sign(keyPair, message);

    assertThatCode(() -> Ed25519.verify(keyPair.publicKey(), message, signature))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsASignatureOverAnotherMessageOrByAnotherKey() {
    Ed25519KeyPair signer = Ed25519.generateKeyPair();
    byte[] signature = Ed25519.sign(signer, new byte[] {1, 2, 3});

    assertThatThrownBy(() -> Ed25519.verify(signer.publicKey(), new byte[] {1, 2, 4}, signature))
        .isInstanceOf(SignatureException.class);
    assertThatThrownBy(
            () ->
                Ed25519.verify(
                    Ed25519.generateKeyPair().publicKey(), new byte[] {1, 2, 3}, signature))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void rejectsAMalleatedSignatureWithSPlusL() {
    byte[] malleated = RFC_SIGNATURE.clone();
    BigInteger s = littleEndian(Arrays.copyOfRange(malleated, 32, 64));
    byte[] sPlusL = toLittleEndian(s.add(L));
    System.arraycopy(sPlusL, 0, malleated, 32, 32);

    assertThatThrownBy(() -> Ed25519.verify(RFC_PUBLIC, new byte[0], malleated))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("canonical");
  }

  @Test
  void rejectsTheSmallOrderKeyThatWouldVerifyAnything() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] signature = new byte[64];
    signature[0] = 1; // R = identity, S = 0

    assertThatThrownBy(() -> Ed25519.verify(identity, "anything".getBytes(), signature))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void rejectsSignaturesThatAreNot64Bytes() {
    byte[] truncated = Arrays.copyOf(RFC_SIGNATURE, 63);
    byte[] padded = Arrays.copyOf(RFC_SIGNATURE, 65);

    assertThatThrownBy(() -> Ed25519.verify(RFC_PUBLIC, new byte[0], truncated))
        .isInstanceOf(SignatureException.class);
    assertThatThrownBy(() -> Ed25519.verify(RFC_PUBLIC, new byte[0], padded))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void treatsWrongKeyLengthsAsProgrammingErrors() {
    assertThatThrownBy(() -> Ed25519.keyPairFromSeed(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519.verify(new byte[33], new byte[0], RFC_SIGNATURE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doesNotPrintTheSeed() {
    Ed25519KeyPair keyPair = Ed25519.keyPairFromSeed(RFC_SEED);

    assertThat(keyPair.toString())
        .contains(KeyIds.of(RFC_PUBLIC))
        .doesNotContain("9d61b19d");
  }

  private static BigInteger littleEndian(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static byte[] toLittleEndian(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bigEndian = value.toByteArray();
    for (int i = 0; i < bigEndian.length && i < 32; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }
}
