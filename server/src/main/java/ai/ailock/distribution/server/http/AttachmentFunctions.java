package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.attachment.AcceptAttachmentChunk;
import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.attachment.Attachment;
import ai.ailock.distribution.engine.attachment.AttachmentId;
import ai.ailock.distribution.engine.attachment.AttachmentUpload;
import ai.ailock.distribution.engine.attachment.AttachmentUploads;
import ai.ailock.distribution.engine.attachment.CompleteAttachmentUpload;
import ai.ailock.distribution.engine.attachment.InitAttachmentUpload;
import ai.ailock.distribution.engine.attachment.ReadAttachment;
import ai.ailock.distribution.engine.identity.KeyId;
import ai.ailock.distribution.engine.transfer.TransferId;
import ai.ailock.distribution.engine.upload.StoredChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.schemas.RequestSigning;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The attachment trio of the plan: init (declared type and size checked against the input's constraints), one raw
 * {@code application/octet-stream} body per chunk (same rules as product chunks), complete with the key envelope
 * sealed to the seller; then the seller's side: {@code attachments-get} (what was attached, with the envelope) and
 * {@code attachments-download} (the ciphertext).
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class AttachmentFunctions {
  private final RequestGate gate;
  private final InitAttachmentUpload initUpload;
  private final AcceptAttachmentChunk acceptChunk;
  private final CompleteAttachmentUpload completeUpload;
  private final AttachmentUploads uploads;
  private final ReadAttachment readAttachment;

  AttachmentFunctions(RequestGate gate, InitAttachmentUpload initUpload, AcceptAttachmentChunk acceptChunk,
      CompleteAttachmentUpload completeUpload, AttachmentUploads uploads, ReadAttachment readAttachment) {
    this.gate = gate;
    this.initUpload = initUpload;
    this.acceptChunk = acceptChunk;
    this.completeUpload = completeUpload;
    this.uploads = uploads;
    this.readAttachment = readAttachment;
  }

  record Upload(String uploadId, String transferId, String inputId, String contentType, long size, String state,
      long ciphertextLength, int chunkSize, int chunkCount, String storagePrefix, Instant expiresAt,
      List<Integer> received, List<Integer> missing, String context) {}

  record Completed(String attachmentId, String transferId, String inputId, String contentType, long size,
      long ciphertextLength, String ciphertextSha256, String recipientKeyId, Instant createdAt) {
    static Completed of(Attachment a) {
      return new Completed(a.id().toString(), a.transfer().toString(), a.inputId(), a.contentType(), a.size(),
          a.ciphertextLength(), a.ciphertextSha256(), a.recipientKeyId().value(), a.createdAt());
    }
  }

  /** The seller's view: the attachment and the envelope of its key, sealed to {@code recipient_key_id}. */
  record Sealed(String attachmentId, String transferId, String inputId, String contentType, long size,
      long ciphertextLength, String ciphertextSha256, String recipientKeyId, String keyEnvelope, String context,
      Instant createdAt) {}

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
        held.stream().sorted().toList(), missing, context(u.transfer(), u.inputId()));
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
    return Completed.of(a);
  }

  @GetMapping("/attachments-get")
  Sealed get(HttpServletRequest request, @RequestParam("attachment_id") String attachmentId) {
    Attachment a = readAttachment.get(gate.authenticate(request), attachmentIdOf(attachmentId));
    return new Sealed(a.id().toString(), a.transfer().toString(), a.inputId(), a.contentType(), a.size(),
        a.ciphertextLength(), a.ciphertextSha256(), a.recipientKeyId().value(),
        Base64.getUrlEncoder().withoutPadding().encodeToString(a.keyEnvelope()),
        context(a.transfer(), a.inputId()), a.createdAt());
  }

  /** The whole ciphertext in one answer (attachments are at most the product limit); {@code X-Content-SHA256} names it. */
  @GetMapping("/attachments-download")
  void download(HttpServletRequest request, HttpServletResponse response,
      @RequestParam("attachment_id") String attachmentId) throws IOException {
    Attachment a = readAttachment.get(gate.authenticate(request), attachmentIdOf(attachmentId));
    try (InputStream ciphertext = readAttachment.ciphertext(a)) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/octet-stream");
      response.setContentLengthLong(a.ciphertextLength());
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(RequestSigning.CONTENT_SHA256_HEADER, a.ciphertextSha256());
      ciphertext.transferTo(response.getOutputStream());
    }
  }

  /** The Cobblestone-256 context an attachment is encrypted under (docs/crypto.md). */
  private static String context(TransferId transfer, String inputId) {
    return "ailock-e2ee-v1:attachment:" + transfer + ":" + inputId;
  }

  private static AttachmentId attachmentIdOf(String text) {
    try {
      return AttachmentId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "attachment_id is not a UUID");
    }
  }

}
