package ai.ailock.distribution.client.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  static final int FAST = KeyFile.MIN_ITERATIONS;

  @TempDir Path dir;

  @Test
  void writesAnOwnerOnlyFileInAnOwnerOnlyDirectory() throws Exception {
    Path file = dir.resolve("home/identity.json");

    KeyFile.create(file, AilockKeys.generate(), null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void loadsTheSameKeysWithoutAPassphrase() throws Exception {
    AilockKeys keys = AilockKeys.generate();
    Path file = dir.resolve("identity.json");
    KeyFile.create(file, keys, null);

    AilockKeys loaded = KeyFile.load(file, null);

    assertThat(KeyFile.isProtected(file)).isFalse();
    assertThat(loaded.keyId()).isEqualTo(keys.keyId());
    assertThat(loaded.signing().seed()).isEqualTo(keys.signing().seed());
    assertThat(loaded.encryption().privateKey()).isEqualTo(keys.encryption().privateKey());
  }

  @Test
  void loadsTheSameKeysWithTheRightPassphrase() throws Exception {
    AilockKeys keys = AilockKeys.generate();
    Path file = dir.resolve("identity.json");
    KeyFile.create(file, keys, "correct horse".toCharArray(), FAST);

    AilockKeys loaded = KeyFile.load(file, "correct horse".toCharArray());

    assertThat(KeyFile.isProtected(file)).isTrue();
    assertThat(loaded.signing().seed()).isEqualTo(keys.signing().seed());
    assertThat(loaded.encryption().privateKey()).isEqualTo(keys.encryption().privateKey());
    String json = Files.readString(file);
    assertThat(json).contains("pbkdf2-hmac-sha256+aes-256-gcm").doesNotContain("\"secret_keys\"");
  }

  @Test
  void refusesAWrongOrMissingPassphrase() throws Exception {
    Path file = dir.resolve("identity.json");
    KeyFile.create(file, AilockKeys.generate(), "correct horse".toCharArray(), FAST);

    assertThatThrownBy(() -> KeyFile.load(file, "battery staple".toCharArray()))
        .isInstanceOf(InvalidKeyException.class).hasMessageContaining("wrong passphrase");
    assertThatThrownBy(() -> KeyFile.load(file, null)).isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void keepsTheRetiredX25519KeysOfARotationOldestFirst() throws Exception {
    AilockKeys first = AilockKeys.generate();
    AilockKeys second = first.successor();
    AilockKeys third = second.successor();
    Path plain = dir.resolve("plain.json");
    Path sealed = dir.resolve("sealed.json");
    KeyFile.create(plain, third, null);
    KeyFile.create(sealed, third, "pw".toCharArray(), FAST);

    for (AilockKeys loaded : new AilockKeys[] {KeyFile.load(plain, null), KeyFile.load(sealed, "pw".toCharArray())}) {
      assertThat(loaded.keyId()).isEqualTo(third.keyId());
      assertThat(loaded.retiredEncryption().keySet()).containsExactly(first.keyId(), second.keyId());
      assertThat(loaded.encryptionFor(first.keyId()).privateKey()).isEqualTo(first.encryption().privateKey());
      assertThat(loaded.encryptionFor(second.keyId()).privateKey()).isEqualTo(second.encryption().privateKey());
      assertThat(loaded.encryptionFor(third.keyId()).privateKey()).isEqualTo(third.encryption().privateKey());
      assertThatThrownBy(() -> loaded.encryptionFor(AilockKeys.generate().keyId()))
          .isInstanceOf(InvalidKeyException.class);
    }
  }

  @Test
  void refusesAFileWhoseRetiredKeyWasSwapped() throws Exception {
    Path file = dir.resolve("identity.json");
    AilockKeys keys = AilockKeys.generate().successor();
    KeyFile.create(file, keys, null);
    String retired = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(keys.retiredEncryption().values().iterator().next().publicKey());
    String swapped = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(AilockKeys.generate().encryption().publicKey());
    Files.writeString(file, Files.readString(file).replace(retired, swapped), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> KeyFile.load(file, null)).isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void replaceSwapsTheKeyFileForItsSuccessor() throws Exception {
    Path file = dir.resolve("identity.json");
    AilockKeys keys = AilockKeys.generate();
    KeyFile.create(file, keys, null);

    KeyFile.replace(file, keys.successor(), null);

    AilockKeys loaded = KeyFile.load(file, null);
    assertThat(loaded.keyId()).isNotEqualTo(keys.keyId());
    assertThat(loaded.encryptionFor(keys.keyId()).publicKey()).isEqualTo(keys.encryption().publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void refusesAProtectedFileWhosePublicPartWasSwapped() throws Exception {
    Path file = dir.resolve("identity.json");
    KeyFile.create(file, AilockKeys.generate(), "pw".toCharArray(), FAST);
    AilockKeys other = AilockKeys.generate();
    String json = Files.readString(file).replaceAll("\"x25519_public_key\" : \"[^\"]+\"", "\"x25519_public_key\" : \""
        + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(other.encryption().publicKey()) + "\"");
    Files.writeString(file, json, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> KeyFile.load(file, "pw".toCharArray())).isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void refusesAPlainFileWhoseSecretsDoNotMatchItsPublicKeys() throws Exception {
    Path file = dir.resolve("identity.json");
    KeyFile.create(file, AilockKeys.generate(), null);
    AilockKeys other = AilockKeys.generate();
    String json = Files.readString(file).replaceAll("\"ed25519_public_key\" : \"[^\"]+\"",
        "\"ed25519_public_key\" : \"" + java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(other.signing().publicKey()) + "\"");
    Files.writeString(file, json, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> KeyFile.load(file, null)).isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void refusesToLoadAFileWithGroupOrOtherPermissions() throws Exception {
    Path file = dir.resolve("identity.json");
    KeyFile.create(file, AilockKeys.generate(), null);

    for (String loose : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loose));

      assertThatThrownBy(() -> KeyFile.load(file, null)).as(loose)
          .isInstanceOf(InsecurePermissionsException.class).hasMessageContaining(loose);
    }
  }

  @Test
  void neverOverwritesAKeyFile() throws Exception {
    Path file = dir.resolve("identity.json");
    AilockKeys first = AilockKeys.generate();
    KeyFile.create(file, first, null);

    assertThatThrownBy(() -> KeyFile.create(file, AilockKeys.generate(), null))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(KeyFile.load(file, null).keyId()).isEqualTo(first.keyId());
  }

  @Test
  void refusesTooFewIterations() {
    assertThatThrownBy(() -> KeyFile.create(dir.resolve("k.json"), AilockKeys.generate(), "pw".toCharArray(), 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
