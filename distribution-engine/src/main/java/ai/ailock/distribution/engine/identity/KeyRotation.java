package ai.ailock.distribution.engine.identity;

import java.nio.charset.StandardCharsets;

/**
 * The statement a new Ed25519 key signs to join an Ailock in place of its active key:
 * {@code "ailock-e2ee-v1:key-rotation:" + ailock id + ":" + retiring key id} in ASCII. It proves the caller holds the
 * new key and binds it to this Ailock and this predecessor only, so the signature cannot be replayed elsewhere.
 */
public final class KeyRotation {
  private static final String LABEL = "ailock-e2ee-v1:key-rotation:";

  private KeyRotation() {}

  /** @return the exact bytes the new Ed25519 key signs */
  public static byte[] message(AilockId ailock, KeyId retiring) {
    return (LABEL + ailock.value() + ":" + retiring.value()).getBytes(StandardCharsets.US_ASCII);
  }
}
