package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.delivery.ReadDelivery;
import ai.ailock.distribution.engine.download.ChunkContent;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.transfer.TransferId;
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
 * {@code products-download-manifest?transfer_id=…} and {@code products-download-chunk?transfer_id=…&index=…}: the
 * buyer's path, through the download session its claim opened. Each request is signed by the buyer's key and carries
 * the claim token in {@value #CLAIM_HEADER} (never in the URL). The owner's path ({@code ?product_id=}) is
 * {@link DownloadFunctions}; a request naming {@code transfer_id} comes here.
 */
@RestController
@RequestMapping("${ailock.distribution.base-path:/.netlify/functions}")
class RecipientDownloadFunctions {
  static final String CLAIM_HEADER = "Ailock-Claim";

  private final RequestGate gate;
  private final ReadDelivery readDelivery;
  private final BlobStore blobs;

  RecipientDownloadFunctions(RequestGate gate, ReadDelivery readDelivery, BlobStore blobs) {
    this.gate = gate;
    this.readDelivery = readDelivery;
    this.blobs = blobs;
  }

  @GetMapping(path = "/products-download-manifest", params = "transfer_id")
  void manifest(HttpServletRequest request, HttpServletResponse response,
      @RequestParam("transfer_id") String transferId) throws IOException {
    Caller caller = gate.authenticate(request);
    byte[] manifest = readDelivery.manifest(caller, transferIdOf(transferId), claimToken(request))
        .getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Manifest-SHA256", Sha256Hex.of(manifest));
    response.setContentLength(manifest.length);
    response.getOutputStream().write(manifest);
  }

  @GetMapping(path = "/products-download-chunk", params = "transfer_id")
  void chunk(HttpServletRequest request, HttpServletResponse response, @RequestParam("transfer_id") String transferId,
      @RequestParam("index") int index) throws IOException {
    Caller caller = gate.authenticate(request);
    ChunkContent chunk = readDelivery.chunk(caller, transferIdOf(transferId), claimToken(request), index,
        ChunkResponses.range(request.getHeader("Range")));
    ChunkResponses.write(request, response, chunk, blobs);
  }

  /** @return the claim token of the request's {@value #CLAIM_HEADER} header */
  static String claimToken(HttpServletRequest request) {
    String token = request.getHeader(CLAIM_HEADER);
    if (token == null || token.isBlank()) {
      throw new DistributionException(ErrorCode.CLAIM_INVALID,
          "present the claim token in the " + CLAIM_HEADER + " header");
    }
    return token.trim();
  }

  static TransferId transferIdOf(String text) {
    return TransferFunctions.transferIdOf(text);
  }
}
