package ai.ailock.distribution.client.commerce;

import ai.ailock.distribution.client.crypto.CobblestoneContext;
import ai.ailock.distribution.client.crypto.CobblestoneDecryptor;
import ai.ailock.distribution.client.envelope.KeyEnvelopes;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.transfer.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Fetches one attachment as the transfer's seller: opens the key envelope with the seller's X25519 key (a retired one
 * too, after a rotation), streams the ciphertext through its SHA-256 and Cobblestone-256 decryption (context {@code
 * ailock-e2ee-v1:attachment:<transfer>:<input>}) into an owner-only temporary file beside {@code out}, and gives it
 * its name only once the hash, the length and every record's tag checked out. Nothing is kept in memory.
 */
final class AttachmentDownloader {
  private final SignedHttp http;

  AttachmentDownloader(SignedHttp http) {
    this.http = http;
  }

  Path download(String attachmentId, Path out) throws IOException, GeneralSecurityException {
    Path target = out.toAbsolutePath();
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "choose another --out");
    }
    JsonNode sealed = http.getJson("attachments-get", Map.of("attachment_id", attachmentId));
    byte[] inputKey = KeyEnvelopes.open(Base64.getUrlDecoder().decode(sealed.path("key_envelope").asString()),
        http.keys().encryptionFor(sealed.path("recipient_key_id").asString()));
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".attachment-", ".part",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      decryptInto(temporary, attachmentId, sealed, inputKey);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Arrays.fill(inputKey, (byte) 0);
      Files.deleteIfExists(temporary);
    }
  }

  private void decryptInto(Path temporary, String attachmentId, JsonNode sealed, byte[] inputKey)
      throws IOException, GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    var context = CobblestoneContext.attachment(sealed.path("transfer_id").asString(),
        sealed.path("input_id").asString());
    long written;
    try (SignedHttp.Response response = http.get("attachments-download", Map.of("attachment_id", attachmentId),
            Map.of());
        InputStream ciphertext = new DigestInputStream(response.body(), digest);
        InputStream plaintext = CobblestoneDecryptor.decrypting(inputKey, context, ciphertext);
        FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      OutputStream sink = Channels.newOutputStream(file);
      written = plaintext.transferTo(sink);
      file.force(true); // the file is whole on disk before it takes its name
    }
    if (written != sealed.path("size").asLong()) {
      throw new IntegrityException("attachment " + attachmentId + " decrypted to " + written + " bytes, not the "
          + sealed.path("size").asLong() + " declared");
    }
    if (!HexFormat.of().formatHex(digest.digest()).equals(sealed.path("ciphertext_sha256").asString())) {
      throw new IntegrityException("attachment " + attachmentId + " does not match its ciphertext SHA-256");
    }
  }
}
