package ai.ailock.distribution.client.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import ai.ailock.distribution.client.identity.PublicIdentity;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import org.junit.jupiter.api.Test;

class KeyEnvelopesTest {
  final AilockKeys buyer = AilockKeys.generate();
  final byte[] inputKey = CobblestoneEncryptor.generateKey();

  @Test
  void theRecipientOpensTheInputKey() throws Exception {
    byte[] envelope = KeyEnvelopes.seal(inputKey, buyer.encryption().publicKey());

    assertThat(envelope).hasSize(KeyEnvelopes.LENGTH).hasSize(80);
    assertThat(KeyEnvelopes.open(envelope, buyer.encryption())).isEqualTo(inputKey);
  }

  @Test
  void anotherRecipientKeyCannotOpenIt() throws Exception {
    byte[] envelope = KeyEnvelopes.seal(inputKey, buyer.encryption().publicKey());

    assertThatThrownBy(() -> KeyEnvelopes.open(envelope, AilockKeys.generate().encryption()))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void aModifiedEnvelopeDoesNotOpen() throws Exception {
    byte[] envelope = KeyEnvelopes.seal(inputKey, buyer.encryption().publicKey());
    envelope[40] ^= 1;

    assertThatThrownBy(() -> KeyEnvelopes.open(envelope, buyer.encryption()))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void sealsToAnIdentityOnlyIfItsX25519KeyIsBound() throws Exception {
    PublicIdentity identity = PublicIdentity.of("buyer", buyer);

    assertThat(KeyEnvelopes.open(KeyEnvelopes.sealTo(inputKey, identity), buyer.encryption())).isEqualTo(inputKey);

    AilockKeys attacker = AilockKeys.generate();
    var swapped = new PublicIdentity("buyer", buyer.keyId(), buyer.signing().publicKey(),
        attacker.encryption().publicKey(), buyer.x25519Binding());
    assertThatThrownBy(() -> KeyEnvelopes.sealTo(inputKey, swapped)).isInstanceOf(SignatureException.class);
  }

  @Test
  void refusesLowOrderRecipientKeysAndWrongKeyLengths() {
    assertThatThrownBy(() -> KeyEnvelopes.seal(inputKey, new byte[32])).isInstanceOf(InvalidKeyException.class);
    assertThatThrownBy(() -> KeyEnvelopes.seal(new byte[16], buyer.encryption().publicKey()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnEnvelopeThatHoldsNoInputKey() throws Exception {
    byte[] notAKey = ai.ailock.distribution.client.crypto.SealedBox.seal(new byte[31], buyer.encryption().publicKey());

    assertThatThrownBy(() -> KeyEnvelopes.open(notAKey, buyer.encryption()))
        .isInstanceOf(InvalidCiphertextException.class);
  }
}
