package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.Product;
import ai.ailock.distribution.engine.product.ProductContent;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.AcceptChunk;
import ai.ailock.distribution.engine.upload.CompleteUpload;
import ai.ailock.distribution.engine.upload.DescribeUpload;
import ai.ailock.distribution.engine.upload.InitUpload;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.engine.upload.UploadSession;
import ai.ailock.distribution.schemas.RequestSigning;
import ai.ailock.distribution.schemas.WireSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  record ChunkStored(String uploadId, int index, int size, String sha256, boolean stored) {}

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
  ChunkStored chunk(HttpServletRequest request, @RequestParam("upload_id") String uploadId,
      @RequestParam("index") int index) {
    Caller caller = gate.authenticateStream(request);
    long length = request.getContentLengthLong();
    String sha256 = Objects.requireNonNull(request.getHeader(RequestSigning.CONTENT_SHA256_HEADER),
        "authenticated streams carry their hash");
    try (InputStream body = request.getInputStream()) {
      AcceptChunk.Accepted accepted = acceptChunk.accept(caller, uploadIdOf(uploadId), index, sha256,
          length < 0 ? null : length, body);
      return new ChunkStored(uploadId, accepted.index(), accepted.size(), accepted.sha256(), accepted.stored());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping("/products-upload-status")
  Upload status(HttpServletRequest request, @RequestParam("upload_id") String uploadId) {
    return Upload.of(describeUpload.describe(gate.authenticate(request), uploadIdOf(uploadId)));
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

  static UploadId uploadIdOf(String text) {
    try {
      return UploadId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "upload_id must be a UUID");
    }
  }
}
