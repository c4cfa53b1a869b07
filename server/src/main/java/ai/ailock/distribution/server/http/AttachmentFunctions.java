package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.attachment.AcceptAttachmentChunk;
import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentUpload;
import ai.ailock.distribution.engine.attachment.AttachmentUploads;
import ai.ailock.distribution.engine.attachment.CompleteAttachmentUpload;
import ai.ailock.distribution.engine.attachment.InitAttachmentUpload;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The attachment trio of the plan: init (declared type and size checked against the input's constraints), one raw
 * {@code application/octet-stream} body per chunk (same rules as product chunks), complete with the key envelope
 * sealed to the seller.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class AttachmentFunctions {
  private final RequestGate gate;
  private final InitAttachmentUpload initUpload;
  private final AcceptAttachmentChunk acceptChunk;
  private final CompleteAttachmentUpload completeUpload;
  private final AttachmentUploads uploads;

  AttachmentFunctions(RequestGate gate, InitAttachmentUpload initUpload, AcceptAttachmentChunk acceptChunk,
      CompleteAttachmentUpload completeUpload, AttachmentUploads uploads) {
    this.gate = gate;
    this.initUpload = initUpload;
    this.acceptChunk = acceptChunk;
    this.completeUpload = completeUpload;
    this.uploads = uploads;
  }

  record Upload(String uploadId, String transferId, String inputId, String contentType, long size, String state,
      long ciphertextLength, int chunkSize, int chunkCount, String storagePrefix, Instant expiresAt,
      List<Integer> received, List<Integer> missing, String context) {}

  record Completed(String attachmentId, String transferId, String inputId, String contentType, long size,
      long ciphertextLength, String ciphertextSha256, String recipientKeyId, Instant createdAt) {}

  @PostMapping("/attachments-upload-init")
  Upload init(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.ATTACHMENT_UPLOAD_INIT);
    JsonNode body = json.body();
    JsonNode chunkSize = body.get("chunk_size");
    AttachmentUpload u = initUpload.init(json.caller(), new InitAttachmentUpload.Command(
        TransferId.parse(body.get("transfer_id").asString()), body.get("input_id").asString(),
        body.get("content_type").asString(), body.get("size").asLong(), body.get("ciphertext_length").asLong(),
        chunkSize == null ? null : chunkSize.asInt()));
    Set<Integer> held = uploads.chunks(u.id()).stream().map(StoredChunk::index).collect(Collectors.toSet());
    var missing = new ArrayList<Integer>();
    for (int i = 0; i < u.chunkCount(); i++) {
      if (!held.contains(i)) {
        missing.add(i);
      }
    }
    return new Upload(u.id().toString(), u.transfer().toString(), u.inputId(), u.contentType(), u.plaintextSize(),
        u.state().wire(), u.totalSize(), u.chunkSize(), u.chunkCount(), u.storagePrefix().value(), u.expiresAt(),
        held.stream().sorted().toList(), missing, "ailock-e2ee-v1:attachment:" + u.transfer() + ":" + u.inputId());
  }

  @PostMapping("/attachments-upload-chunk")
  ChunkUploads.ChunkStored chunk(HttpServletRequest request, @RequestParam("upload_id") String uploadId,
      @RequestParam("index") int index) {
    return ChunkUploads.accept(gate, acceptChunk::accept, request, uploadId, index);
  }

  @PostMapping("/attachments-upload-complete")
  Completed complete(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.ATTACHMENT_UPLOAD_COMPLETE);
    JsonNode body = json.body();
    Attachment a = completeUpload.complete(json.caller(), UploadId.parse(body.get("upload_id").asString()),
        body.get("ciphertext_sha256").asString(), Base64.getUrlDecoder().decode(body.get("key_envelope").asString()),
        new KeyId(body.get("recipient_key_id").asString()));
    return new Completed(a.id().toString(), a.transfer().toString(), a.inputId(), a.contentType(), a.size(),
        a.ciphertextLength(), a.ciphertextSha256(), a.recipientKeyId().value(), a.createdAt());
  }

}
