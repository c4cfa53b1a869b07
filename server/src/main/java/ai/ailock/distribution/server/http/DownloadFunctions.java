package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.download.ChunkContent;
import ai.ailock.distribution.engine.download.ReadContent;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.Sha256Hex;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code products-download-manifest} and {@code products-download-chunk}: the signed manifest and the raw
 * ciphertext chunks, streamed from the blob store (with {@code sendfile} when the chunk is a local file). Chunks
 * honour a single {@code Range: bytes=a-b} (206).
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class DownloadFunctions {
  private final RequestGate gate;
  private final ReadContent readContent;
  private final BlobStore blobs;

  DownloadFunctions(RequestGate gate, ReadContent readContent, BlobStore blobs) {
    this.gate = gate;
    this.readContent = readContent;
    this.blobs = blobs;
  }

  @GetMapping("/products-download-manifest")
  void manifest(HttpServletRequest request, HttpServletResponse response, @RequestParam("product_id") String productId)
      throws IOException {
    Caller caller = gate.authenticate(request);
    byte[] manifest = readContent.manifest(caller, productIdOf(productId)).getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/json");
    response.setHeader("X-Manifest-SHA256", Sha256Hex.of(manifest));
    response.setContentLength(manifest.length);
    response.getOutputStream().write(manifest);
  }

  @GetMapping("/products-download-chunk")
  void chunk(HttpServletRequest request, HttpServletResponse response, @RequestParam("product_id") String productId,
      @RequestParam("index") int index) throws IOException {
    Caller caller = gate.authenticate(request);
    ChunkContent chunk = readContent.chunk(caller, productIdOf(productId), index,
        ChunkResponses.range(request.getHeader("Range")));
    ChunkResponses.write(request, response, chunk, blobs);
  }

  private static ProductId productIdOf(String text) {
    try {
      return ProductId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "product_id must be a UUID");
    }
  }
}
