package ai.ailock.distribution.client.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CobblestoneResumingTest {
  private static final CobblestoneContext CONTEXT = CobblestoneContext.content("prod", "1");

  @Test
  void exposesTheRandomSaltAsTheCiphertextStarts() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();
    var encryptor = CobblestoneEncryptor.encrypting(key, CONTEXT, new ByteArrayInputStream(new byte[100]));

    byte[] salt = encryptor.salt();

    assertThat(salt).hasSize(24);
    assertThat(Arrays.copyOf(encryptor.readAllBytes(), 24)).isEqualTo(salt);
    assertThat(CobblestoneEncryptor.encrypting(key, CONTEXT, new ByteArrayInputStream(new byte[0])).salt())
        .isNotEqualTo(salt);
  }

  @Test
  void reproducesTheSameCiphertextByteForByte() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();
    byte[] plaintext = Messages.plaintext(3 * Messages.RECORD + 123);
    var first = CobblestoneEncryptor.encrypting(key, CONTEXT, new ByteArrayInputStream(plaintext));
    byte[] salt = first.salt();
    byte[] original = first.readAllBytes();

    byte[] again = CobblestoneEncryptor.resuming(key, CONTEXT, new ByteArrayInputStream(plaintext), salt)
        .readAllBytes();

    assertThat(again).isEqualTo(original);
    assertThat(Messages.decrypt(key, CONTEXT, again)).isEqualTo(plaintext);
  }

  @Test
  void refusesASaltOfTheWrongLength() {
    assertThatThrownBy(() -> CobblestoneEncryptor.resuming(CobblestoneEncryptor.generateKey(), CONTEXT,
        new ByteArrayInputStream(new byte[0]), new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
