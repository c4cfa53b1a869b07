package ai.ailock.distribution.engine.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The statement an Ailock signs with its Ed25519 key to bind its X25519 key:
 * {@code "ailock-e2ee-v1:x25519-binding:"} followed by the 32 raw X25519 public key bytes.
 */
public final class X25519Binding {
  private static final byte[] LABEL = "ailock-e2ee-v1:x25519-binding:".getBytes(StandardCharsets.US_ASCII);

  private X25519Binding() {}

  /** @return the exact bytes the Ed25519 key signs */
  public static byte[] message(byte[] x25519Public) {
    byte[] message = Arrays.copyOf(LABEL, LABEL.length + x25519Public.length);
    System.arraycopy(x25519Public, 0, message, LABEL.length, x25519Public.length);
    return message;
  }
}
