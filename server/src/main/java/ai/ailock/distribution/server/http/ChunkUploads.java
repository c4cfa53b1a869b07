package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.upload.AcceptChunk;
import ai.ailock.distribution.engine.upload.UploadId;
import ai.ailock.distribution.schemas.RequestSigning;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one way a chunk's raw body enters the upload engine, for products and attachments alike: authenticated as a
 * stream (the declared SHA-256 is signed), handed to {@link AcceptChunk} with its declared length, never buffered.
 */
final class ChunkUploads {

  /** The answer to a stored (or already held) chunk. */
  record ChunkStored(String uploadId, int index, int size, String sha256, boolean stored) {}

  /** The use case that takes a chunk: {@code AcceptChunk::accept} or {@code AcceptAttachmentChunk::accept}. */
  @FunctionalInterface
  interface Acceptor {
    AcceptChunk.Accepted accept(Caller caller, UploadId uploadId, int index, String sha256,
        @Nullable Long declaredLength, InputStream body);
  }

  private ChunkUploads() {}

  static ChunkStored accept(RequestGate gate, Acceptor acceptChunk, HttpServletRequest request, String uploadId,
      int index) {
    Caller caller = gate.authenticateStream(request);
    long length = request.getContentLengthLong();
    String sha256 = Objects.requireNonNull(request.getHeader(RequestSigning.CONTENT_SHA256_HEADER),
        "authenticated streams carry their hash");
    try (InputStream body = request.getInputStream()) {
      AcceptChunk.Accepted accepted = acceptChunk.accept(caller, uploadId(uploadId), index, sha256,
          length < 0 ? null : length, body);
      return new ChunkStored(uploadId, accepted.index(), accepted.size(), accepted.sha256(), accepted.stored());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @throws DistributionException {@code malformed_request} unless {@code text} is a UUID */
  static UploadId uploadId(String text) {
    try {
      return UploadId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "upload_id must be a UUID");
    }
  }
}
