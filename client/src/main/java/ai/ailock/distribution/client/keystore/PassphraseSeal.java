package ai.ailock.distribution.client.keystore;

import ai.ailock.distribution.schemas.CanonicalJson;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secret keys sealed under a passphrase: key = PBKDF2-HMAC-SHA256(passphrase as UTF-8, 16-byte random salt,
 * iterations, 32 bytes); sealed = AES-256-GCM(key, 12-byte random nonce, secrets, AAD), where the AAD is the
 * RFC 8785 form of the key file without its {@code encrypted_secret_keys} member, so the public keys and the KDF
 * parameters cannot be swapped either.
 */
final class PassphraseSeal {
  static final String NAME = "pbkdf2-hmac-sha256+aes-256-gcm";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  static final int DEFAULT_ITERATIONS = 600_000;
  static final int MIN_ITERATIONS = 100_000;
  static final int MAX_ITERATIONS = 10_000_000;
  private static final int SALT_LENGTH = 16;
  private static final int NONCE_LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PassphraseSeal() {}

  /** Adds the protection members and the sealed secrets to {@code file}. */
  static void seal(ObjectNode file, byte[] secrets, char[] passphrase, int iterations) {
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("PBKDF2 iterations must be in [" + MIN_ITERATIONS + ", " + MAX_ITERATIONS
          + "], was " + iterations);
    }
    byte[] salt = random(SALT_LENGTH);
    byte[] nonce = random(NONCE_LENGTH);
    var b64 = Base64.getUrlEncoder().withoutPadding();
    file.put("protection", NAME);
    file.put("kdf_iterations", iterations);
    file.put("kdf_salt", b64.encodeToString(salt));
    file.put("nonce", b64.encodeToString(nonce));
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, passphrase, salt, iterations, nonce);
      cipher.updateAAD(CanonicalJson.bytes(file));
      file.put("encrypted_secret_keys", b64.encodeToString(cipher.doFinal(secrets)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2-HMAC-SHA256 and AES-256-GCM are required by the Java platform", e);
    }
  }

  /** @return the secrets sealed in {@code file} */
  static byte[] open(ObjectNode file, char[] passphrase) throws IOException, GeneralSecurityException {
    JsonNode iterationsNode = file.get("kdf_iterations");
    if (iterationsNode == null || !iterationsNode.canConvertToInt()) {
      throw new IOException("key file member 'kdf_iterations' is missing");
    }
    int iterations = iterationsNode.asInt();
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new InvalidKeyException("the key file's PBKDF2 iteration count " + iterations + " is out of range");
    }
    var b64 = Base64.getUrlDecoder();
    byte[] salt = b64.decode(KeyFile.text(file, "kdf_salt"));
    byte[] nonce = b64.decode(KeyFile.text(file, "nonce"));
    byte[] sealed = b64.decode(KeyFile.text(file, "encrypted_secret_keys"));
    if (salt.length != SALT_LENGTH || nonce.length != NONCE_LENGTH) {
      throw new InvalidKeyException("the key file's salt or nonce has the wrong length");
    }
    ObjectNode aad = file.deepCopy();
    aad.remove("encrypted_secret_keys");
    Cipher cipher = cipher(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce);
    cipher.updateAAD(CanonicalJson.bytes(aad));
    try {
      return cipher.doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw new InvalidKeyException("wrong passphrase, or the key file was modified");
    }
  }

  private static Cipher cipher(int mode, char[] passphrase, byte[] salt, int iterations, byte[] nonce)
      throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
    byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    spec.clearPassword();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      return cipher;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
