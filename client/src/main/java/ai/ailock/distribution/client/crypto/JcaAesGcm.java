package ai.ailock.distribution.client.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through JCA: one {@link Cipher} per instance, re-initialised per call (JCA keeps
 * the expanded key when the key is unchanged). Fast once the JIT has compiled the GCM path with
 * its AES and GHASH intrinsics, but slow until then. The fallback where libsodium's
 * implementation is not available. Not thread-safe.
 */
final class JcaAesGcm extends AesGcm {

  private final SecretKeySpec key;
  private final Cipher cipher;

  JcaAesGcm(byte[] key) {
    checkKey(key);
    this.key = new SecretKeySpec(key, "AES");
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
    }
  }

  @Override
  Implementation implementation() {
    return Implementation.JCA;
  }

  @Override
  void sealChecked(
      byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      if (aad.length > 0) {
        cipher.updateAAD(aad);
      }
      cipher.doFinal(in, inOff, len, out, outOff);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  @Override
  void openChecked(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      if (aad.length > 0) {
        cipher.updateAAD(aad);
      }
      cipher.doFinal(in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }
}
