package ai.ailock.distribution.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.crypto.InvalidCiphertextException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductKeyringTest {
  @TempDir Path dir;
  final AilockKeys owner = AilockKeys.generate();

  @Test
  void keepsInputKeysSealedToTheOwner() throws Exception {
    var keyring = new ProductKeyring(dir.resolve("products"), owner);
    byte[] key = CobblestoneEncryptor.generateKey();

    keyring.store("p-1", 1, key);

    assertThat(keyring.inputKey("p-1", 1)).hasValue(key);
    assertThat(keyring.inputKey("p-1", 2)).isEmpty();
    Path file = dir.resolve("products/p-1.v1.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).doesNotContain(java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(key));
  }

  @Test
  void anotherAilockCannotOpenThem() throws Exception {
    new ProductKeyring(dir, owner).store("p-1", 1, CobblestoneEncryptor.generateKey());

    AilockKeys stranger = AilockKeys.generate();
    assertThatThrownBy(() -> new ProductKeyring(dir, stranger).inputKey("p-1", 1))
        .isInstanceOf(java.security.InvalidKeyException.class);

    Path file = dir.resolve("p-1.v1.json");
    Files.writeString(file, Files.readString(file).replace(owner.keyId(), stranger.keyId()));
    assertThatThrownBy(() -> new ProductKeyring(dir, stranger).inputKey("p-1", 1))
        .as("an envelope sealed to someone else does not open").isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void theOwnerStillOpensThemAfterRotatingItsKeys() throws Exception {
    byte[] key = CobblestoneEncryptor.generateKey();
    new ProductKeyring(dir, owner).store("p-1", 1, key);

    assertThat(new ProductKeyring(dir, owner.successor().successor()).inputKey("p-1", 1))
        .hasValueSatisfying(opened -> assertThat(opened).isEqualTo(key));
  }

  @Test
  void refusesPathLikeProductIds() {
    assertThatThrownBy(() -> new ProductKeyring(dir, owner).inputKey("../x", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
