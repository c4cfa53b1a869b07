package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import org.junit.jupiter.api.Test;

class SealedBoxTest {

  @Test
  void sealsAKeyEnvelopeThatTheRecipientOpens() throws Exception {
    X25519KeyPair recipient = X25519.generateKeyPair();
    byte[] inputKey = CobblestoneEncryptor.generateKey();

    byte[] envelope = SealedBox.seal(inputKey, recipient.publicKey());

    assertThat(envelope).hasSize(32 + SealedBox.OVERHEAD);
    assertThat(SealedBox.open(envelope, recipient)).isEqualTo(inputKey);
  }

  @Test
  void sealsTheSameMessageDifferentlyEachTime() throws Exception {
    byte[] recipient = X25519.generateKeyPair().publicKey();

    assertThat(SealedBox.seal(new byte[32], recipient))
        .isNotEqualTo(SealedBox.seal(new byte[32], recipient));
  }

  @Test
  void refusesToOpenWithAnotherKeyPair() throws Exception {
    byte[] envelope = SealedBox.seal(new byte[32], X25519.generateKeyPair().publicKey());

    assertThatThrownBy(() -> SealedBox.open(envelope, X25519.generateKeyPair()))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void rejectsAFlippedBitAnywhereInTheBox() throws Exception {
    X25519KeyPair recipient = X25519.generateKeyPair();
    byte[] envelope = SealedBox.seal(CobblestoneEncryptor.generateKey(), recipient.publicKey());

    for (int bit = 0; bit < envelope.length * 8; bit++) {
      byte[] tampered = envelope.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));

      assertThatThrownBy(() -> SealedBox.open(tampered, recipient))
          .as("bit %d", bit)
          .isInstanceOf(InvalidCiphertextException.class);
    }
  }

  @Test
  void rejectsBoxesShorterThanTheOverhead() {
    X25519KeyPair recipient = X25519.generateKeyPair();

    assertThatThrownBy(() -> SealedBox.open(new byte[0], recipient))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(() -> SealedBox.open(new byte[SealedBox.OVERHEAD - 1], recipient))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void refusesToSealToAnAllZeroOrLowOrderKey() {
    byte[] lowOrder = new byte[32];
    lowOrder[0] = 1;

    assertThatThrownBy(() -> SealedBox.seal(new byte[32], new byte[32]))
        .isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> SealedBox.seal(new byte[32], lowOrder))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void treatsAWrongLengthRecipientKeyAsAProgrammingError() {
    assertThatThrownBy(() -> SealedBox.seal(new byte[32], new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
