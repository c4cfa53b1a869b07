package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.AcceptChunk;
import ai.ailock.distribution.engine.upload.CompleteUpload;
import ai.ailock.distribution.engine.upload.DescribeUpload;
import ai.ailock.distribution.engine.upload.InitUpload;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The upload trio of the plan, plus {@code products-upload-status} for resuming: init, one raw
 * {@code application/octet-stream} body per chunk, complete with the seller-signed manifest.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class UploadFunctions {
  private final RequestGate gate;
  private final InitUpload initUpload;
  private final AcceptChunk acceptChunk;
  private final DescribeUpload describeUpload;
  private final CompleteUpload completeUpload;

  UploadFunctions(RequestGate gate, InitUpload initUpload, AcceptChunk acceptChunk, DescribeUpload describeUpload,
      CompleteUpload completeUpload) {
    this.gate = gate;
    this.initUpload = initUpload;
    this.acceptChunk = acceptChunk;
    this.describeUpload = describeUpload;
    this.completeUpload = completeUpload;
  }

  record Upload(String uploadId, String productId, int version, String state, long ciphertextLength, int chunkSize,
      int chunkCount, String storagePrefix, Instant expiresAt, List<Integer> received, List<Integer> missing) {
    static Upload of(DescribeUpload.Progress progress) {
      UploadSession s = progress.session();
      return new Upload(s.id().toString(), s.product().toString(), s.contentVersion(), s.state().wire(),
          s.totalSize(), s.chunkSize(), s.chunkCount(), s.storagePrefix().value(), s.expiresAt(), progress.held(),
          progress.missing());
    }
  }

  record Completed(String productId, int version, String status, long ciphertextLength, String ciphertextSha256,
      String manifestSha256, Instant readyAt, Instant expiresAt) {}

  @PostMapping("/products-upload-init")
  Upload init(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.UPLOAD_INIT);
    JsonNode body = json.body();
    JsonNode chunkSize = body.get("chunk_size");
    UploadSession session = initUpload.init(json.caller(), ProductId.parse(body.get("product_id").asString()),
        body.get("ciphertext_length").asLong(), chunkSize == null ? null : chunkSize.asInt());
    return Upload.of(describeUpload.describe(json.caller(), session.id()));
  }

  @PostMapping("/products-upload-chunk")
  ChunkUploads.ChunkStored chunk(HttpServletRequest request, @RequestParam("upload_id") String uploadId,
      @RequestParam("index") int index) {
    return ChunkUploads.accept(gate, acceptChunk::accept, request, uploadId, index);
  }

  @GetMapping("/products-upload-status")
  Upload status(HttpServletRequest request, @RequestParam("upload_id") String uploadId) {
    return Upload.of(describeUpload.describe(gate.authenticate(request), ChunkUploads.uploadId(uploadId)));
  }

  @PostMapping("/products-upload-complete")
  Completed complete(HttpServletRequest request) {
    RequestGate.Json json = gate.json(request, WireSchema.UPLOAD_COMPLETE);
    JsonNode body = json.body();
    Product product = completeUpload.complete(json.caller(), UploadId.parse(body.get("upload_id").asString()),
        body.get("ciphertext_sha256").asString(), ManifestReader.read(body.get("manifest")));
    ProductContent content = Objects.requireNonNull(product.content());
    return new Completed(product.id().toString(), content.version(), product.status().wire(),
        content.ciphertextLength(), content.ciphertextSha256(), content.manifestSha256(), content.readyAt(),
        Objects.requireNonNull(product.expiresAt()));
  }

}
