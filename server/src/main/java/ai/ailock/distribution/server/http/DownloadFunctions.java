package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.download.ByteRange;
import ai.ailock.distribution.engine.download.ChunkContent;
import ai.ailock.distribution.engine.download.ReadContent;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.product.ProductId;
import ai.ailock.distribution.engine.upload.Sha256Hex;
import ai.ailock.distribution.schemas.RequestSigning;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,10})-(\\d{0,10})");
  private static final int BUFFER_BYTES = 256 * 1024;

  private static final String SENDFILE = "org.apache.tomcat.sendfile";

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
    ChunkContent chunk = readContent.chunk(caller, productIdOf(productId), index, range(request.getHeader("Range")));
    try (InputStream bytes = chunk.bytes()) {
      response.setStatus(chunk.partial() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
      response.setContentType("application/octet-stream");
      response.setContentLengthLong(chunk.length());
      response.setHeader("Accept-Ranges", "bytes");
      response.setHeader("ETag", "\"" + chunk.sha256() + "\"");
      response.setHeader(RequestSigning.CONTENT_SHA256_HEADER, chunk.sha256());
      if (chunk.partial()) {
        response.setHeader("Content-Range",
            "bytes " + chunk.offset() + "-" + (chunk.offset() + chunk.length() - 1) + "/" + chunk.chunkLength());
      }
      if (sendFile(request, chunk)) {
        return;
      }
      response.setBufferSize(BUFFER_BYTES);
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = bytes.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    }
  }

  /**
   * Hands a chunk kept in a local file to Tomcat's {@code sendfile}, so its bytes go from the page cache to the
   * socket without passing through the heap. @return false where the connector or the store cannot
   */
  private boolean sendFile(HttpServletRequest request, ChunkContent chunk) {
    if (!Boolean.TRUE.equals(request.getAttribute(SENDFILE + ".support"))) {
      return false;
    }
    Optional<Path> file = blobs.localFile(chunk.blobKey());
    if (file.isEmpty()) {
      return false;
    }
    request.setAttribute(SENDFILE + ".filename", file.get().toString());
    request.setAttribute(SENDFILE + ".start", chunk.offset());
    request.setAttribute(SENDFILE + ".end", chunk.offset() + chunk.length());
    return true;
  }

  private static @Nullable ByteRange range(@Nullable String header) {
    if (header == null) {
      return null;
    }
    Matcher m = RANGE.matcher(header.trim());
    if (!m.matches()) {
      throw new DistributionException(ErrorCode.RANGE_NOT_SATISFIABLE, "only a single 'bytes=first-last' range is supported");
    }
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? Long.MAX_VALUE - 1 : Long.parseLong(m.group(2));
    if (last < first) {
      throw new DistributionException(ErrorCode.RANGE_NOT_SATISFIABLE, "the range ends before it starts");
    }
    return new ByteRange(first, last);
  }

  private static ProductId productIdOf(String text) {
    try {
      return ProductId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "product_id must be a UUID");
    }
  }
}
