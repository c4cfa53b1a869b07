package ai.ailock.distribution.client.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-GCM record function of the profile: 32-byte key, 12-byte nonce, 16-byte tag,
 * output = ciphertext | tag. One JCA {@link Cipher} per instance, re-initialised per call (JCA
 * keeps the expanded key when the key is unchanged). Not thread-safe.
 */
final class AesGcm {

  static final int KEY_LENGTH = 32;
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private static final byte[] NO_AAD = new byte[0];

  private final SecretKeySpec key;
  private final Cipher cipher;

  /** @throws IllegalArgumentException unless the key has 32 bytes */
  AesGcm(byte[] key) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("AES-256-GCM key must be 32 bytes, was " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
    }
  }

  /** Seals {@code in[inOff, inOff+len)} into {@code out} at {@code outOff}; returns len + 16. */
  int seal(byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
    return seal(nonce, NO_AAD, in, inOff, len, out, outOff);
  }

  int seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    checkNonce(nonce);
    Objects.checkFromIndexSize(inOff, len, in.length);
    Objects.checkFromIndexSize(outOff, len + TAG_LENGTH, out.length);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      if (aad.length > 0) {
        cipher.updateAAD(aad);
      }
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Opens {@code in[inOff, inOff+len)} (ciphertext | tag) into {@code out} at {@code outOff};
   * returns len - 16. On failure the output range is zeroed, so no unauthenticated byte remains.
   *
   * @throws AEADBadTagException if the input is shorter than a tag or does not authenticate
   */
  int open(byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    return open(nonce, NO_AAD, in, inOff, len, out, outOff);
  }

  int open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    checkNonce(nonce);
    Objects.checkFromIndexSize(inOff, len, in.length);
    if (len < TAG_LENGTH) {
      throw new AEADBadTagException("input of " + len + " bytes is shorter than a GCM tag");
    }
    Objects.checkFromIndexSize(outOff, len - TAG_LENGTH, out.length);
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      if (aad.length > 0) {
        cipher.updateAAD(aad);
      }
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      Arrays.fill(out, outOff, outOff + len - TAG_LENGTH, (byte) 0);
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private static void checkNonce(byte[] nonce) {
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("AES-GCM nonce must be 12 bytes, was " + nonce.length);
    }
  }
}
