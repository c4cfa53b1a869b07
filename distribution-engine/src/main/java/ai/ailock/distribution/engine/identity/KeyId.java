package ai.ailock.distribution.engine.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names an Ed25519 public key: lowercase hex of the first 16 bytes of SHA-256(raw 32-byte key). */
public record KeyId(String value) {
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{32}");

  public KeyId {
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("malformed key id");
    }
  }

  /** @return the key id of a raw 32-byte Ed25519 public key */
  public static KeyId of(byte[] ed25519Public) {
    if (ed25519Public.length != 32) {
      throw new IllegalArgumentException("Ed25519 public keys are 32 bytes");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(ed25519Public);
      return new KeyId(HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
