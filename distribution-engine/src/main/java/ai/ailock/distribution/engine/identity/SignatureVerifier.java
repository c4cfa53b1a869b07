package ai.ailock.distribution.engine.identity;

/**
 * Verifies Ed25519 signatures strictly: non-canonical signatures (S &ge; L), small-order or non-canonical
 * public keys and R values are rejected. Implementations are thread-safe.
 */
public interface SignatureVerifier {

  /** @return true only if {@code signature} is a valid strict Ed25519 signature of {@code message} */
  boolean verify(byte[] ed25519Public, byte[] message, byte[] signature);
}
