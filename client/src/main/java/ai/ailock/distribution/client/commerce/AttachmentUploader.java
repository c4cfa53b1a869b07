package ai.ailock.distribution.client.commerce;

import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneEncryptor;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.PublicIdentity;
import ai.ailock.distribution.schemas.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Uploads one buyer attachment: a fresh 32-byte input key, the file encrypted as one Cobblestone-256 message bound to
 * {@code ailock-e2ee-v1:attachment:<transfer>:<input>}, streamed in chunks (sequentially; attachments are small), and
 * the key sealed to the seller's verified X25519 key. The service sees ciphertext and the envelope only.
 */
final class AttachmentUploader {
  private final SignedHttp http;

  AttachmentUploader(SignedHttp http) {
    this.http = http;
  }

  String upload(String transferId, String inputId, String contentType, long size, InputStream plaintext,
      PublicIdentity seller) throws IOException, GeneralSecurityException {
    byte[] inputKey = CobblestoneEncryptor.generateKey();
    try {
      byte[] envelope = KeyEnvelopes.sealTo(inputKey, seller); // verifies the seller's key binding first
      ObjectNode init = WireJson.mapper().createObjectNode();
      init.put("transfer_id", transferId).put("input_id", inputId).put("content_type", contentType)
          .put("size", size).put("ciphertext_length", CobblestoneEncryptor.ciphertextLength(size));
      JsonNode session = http.postJson("attachments-upload-init", init);
      String uploadId = session.path("upload_id").asString();
      int chunkSize = session.path("chunk_size").asInt();
      int chunkCount = session.path("chunk_count").asInt();
      Set<Integer> held = new HashSet<>();
      session.path("received").forEach(index -> held.add(index.asInt()));
      MessageDigest whole = sha256();
      byte[] buffer = new byte[chunkSize];
      try (var ciphertext = CobblestoneEncryptor.encrypting(inputKey,
          CobblestoneContext.attachment(transferId, inputId), plaintext)) {
        for (int index = 0; index < chunkCount; index++) {
          int length = ciphertext.readNBytes(buffer, 0, chunkSize);
          whole.update(buffer, 0, length);
          if (!held.contains(index)) {
            http.postBytes("attachments-upload-chunk", Map.of("upload_id", uploadId, "index",
                Integer.toString(index)), buffer, 0, length, SignedHttp.sha256(buffer, 0, length));
          }
        }
      }
      JsonNode done = http.postJson("attachments-upload-complete", Map.of("upload_id", uploadId,
          "ciphertext_sha256", HexFormat.of().formatHex(whole.digest()),
          "key_envelope", Base64.getUrlEncoder().withoutPadding().encodeToString(envelope),
          "recipient_key_id", seller.keyId()));
      return done.path("attachment_id").asString();
    } finally {
      Arrays.fill(inputKey, (byte) 0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
