package ai.ailock.distribution.client.crypto;

import ai.ailock.distribution.schemas.CanonicalJson;
import ai.ailock.distribution.schemas.WireJson;
import java.security.SignatureException;
import java.util.Base64;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules the SDK's small signed statements share (delivery receipts, licenses): a flat JSON object of string
 * members with a {@code format}, signed with Ed25519 over its RFC 8785 form without {@code signature}, the signature
 * base64url without padding, the signing key named by its key id.
 */
public final class SignedJson {
  private SignedJson() {}

  /** @return the bytes the signature covers: the RFC 8785 form of {@code statement} without {@code signature} */
  public static byte[] signedBytes(ObjectNode statement) {
    ObjectNode unsigned = statement.deepCopy();
    unsigned.remove("signature");
    return CanonicalJson.bytes(unsigned);
  }

  /**
   * @param what the statement's name in messages ("receipt", "license")
   * @param keyId the key id the statement names as its signer
   * @param signature base64url of the signature, or empty if unsigned
   * @throws SignatureException if unsigned, signed by another key, or the signature does not verify
   */
  public static void verify(String what, byte[] ed25519PublicKey, String keyId, String signature, byte[] signedBytes)
      throws SignatureException {
    if (ed25519PublicKey.length != Ed25519.PUBLIC_KEY_LENGTH || !KeyIds.of(ed25519PublicKey).equals(keyId)) {
      throw new SignatureException("the " + what + " was signed by key " + keyId + ", not by this key");
    }
    if (signature.isEmpty()) {
      throw new SignatureException("the " + what + " is not signed");
    }
    Ed25519.verify(ed25519PublicKey, signedBytes, Base64.getUrlDecoder().decode(signature));
  }

  /**
   * Reads a statement strictly: JSON without duplicate members, exactly {@code members}, all strings, and
   * {@code format} equal to {@code format}.
   *
   * @throws IllegalArgumentException if it is not
   */
  public static JsonNode readStrings(String what, byte[] json, Set<String> members, String format) {
    JsonNode node;
    try {
      node = WireJson.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the " + what + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject() || !members.equals(Set.copyOf(node.propertyNames()))) {
      throw new IllegalArgumentException("a " + what + " has exactly the members " + members);
    }
    for (String member : members) {
      if (!node.get(member).isString()) {
        throw new IllegalArgumentException(member + " must be a string");
      }
    }
    if (!format.equals(node.get("format").asString())) {
      throw new IllegalArgumentException("format must be " + format);
    }
    return node;
  }
}
