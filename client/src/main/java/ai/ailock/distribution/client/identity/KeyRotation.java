package ai.ailock.distribution.client.identity;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.keystore.KeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;

/**
 * Rotates an Ailock's keys so that no crash can lose them: the new keys (with the old X25519 key kept as retired, so
 * envelopes sealed to it still open) are first written to {@code <key file>.next}; then {@code identities-rotate} is
 * called, signed by the old key; then the new file replaces the key file in one atomic step. If the answer is lost
 * (a crash, a timeout), running the rotation again resumes from the pending file: the service is asked, signed by the
 * new key, whether it is active, and the rotation completes or is undone accordingly. The old Ed25519 key is not
 * kept: once retired it signs nothing.
 */
public final class KeyRotation {
  private KeyRotation() {}

  /** @return where the keys being rotated to wait until the service has accepted them */
  public static Path pendingFile(Path keyFile) {
    return keyFile.resolveSibling(keyFile.getFileName() + ".next");
  }

  /**
   * @param http signs with the keys in {@code keyFile}
   * @param ailockId this Ailock's id
   * @param passphrase protects the new key file as it protected the old one; null for none
   * @return the keys now in force (the key file holds them)
   * @throws DistributionApiException if the service refused the rotation (the pending file is removed)
   * @throws UncheckedIOException if the service could not be reached and the outcome is unknown (the pending file
   *     stays; run the rotation again)
   */
  public static AilockKeys rotate(SignedHttp http, String ailockId, Path keyFile, char @Nullable [] passphrase)
      throws IOException, GeneralSecurityException {
    Path pending = pendingFile(keyFile);
    AilockKeys next;
    if (Files.exists(pending)) {
      next = KeyFile.load(pending, passphrase);
      if (next.keyId().equals(http.keys().keyId())) { // the key file was replaced; only the clean-up was left
        Files.delete(pending);
        return next;
      }
    } else {
      next = http.keys().successor();
      KeyFile.create(pending, next, passphrase);
    }
    try {
      new HttpIdentities(http).rotate(ailockId, next);
    } catch (DistributionApiException refused) {
      // a retired signing key is refused as unauthenticated: an earlier attempt may have rotated already
      if (!(refused.status() == 401 && active(http.signingWith(next), ailockId, next))) {
        Files.deleteIfExists(pending);
        throw refused;
      }
    } catch (UncheckedIOException unreachable) {
      if (!active(http.signingWith(next), ailockId, next)) {
        throw unreachable;
      }
    }
    KeyFile.replace(keyFile, next, passphrase);
    Files.delete(pending);
    return next;
  }

  private static boolean active(SignedHttp asNext, String ailockId, AilockKeys next) {
    try {
      return new HttpIdentities(asNext).lookup(ailockId).keyId().equals(next.keyId());
    } catch (DistributionApiException e) {
      if (e.status() == 401) {
        return false;
      }
      throw e;
    }
  }
}
