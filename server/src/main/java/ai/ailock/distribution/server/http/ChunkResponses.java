package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStore;
import ai.ailock.distribution.engine.download.ByteRange;
import ai.ailock.distribution.engine.download.ChunkContent;
import ai.ailock.distribution.schemas.RequestSigning;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a chunk's ciphertext as the answer of a download function: 200, or 206 for a single {@code Range}, with its
 * hash in {@code X-Content-SHA256} and {@code ETag}, streamed (with Tomcat's {@code sendfile} for local files).
 */
final class ChunkResponses {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,10})-(\\d{0,10})");
  private static final int BUFFER_BYTES = 256 * 1024;
  private static final String SENDFILE = "org.apache.tomcat.sendfile";

  private ChunkResponses() {}

  /** @return the requested range, or null for the whole chunk */
  static @Nullable ByteRange range(@Nullable String header) {
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

  static void write(HttpServletRequest request, HttpServletResponse response, ChunkContent chunk, BlobStore blobs)
      throws IOException {
    try (InputStream bytes = chunk.bytes()) {
      response.setStatus(chunk.partial() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
      response.setContentType("application/octet-stream");
      response.setContentLengthLong(chunk.length());
      response.setHeader("Accept-Ranges", "bytes");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("ETag", "\"" + chunk.sha256() + "\"");
      response.setHeader(RequestSigning.CONTENT_SHA256_HEADER, chunk.sha256());
      if (chunk.partial()) {
        response.setHeader("Content-Range",
            "bytes " + chunk.offset() + "-" + (chunk.offset() + chunk.length() - 1) + "/" + chunk.chunkLength());
      }
      if (sendFile(request, chunk, blobs)) {
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

  private static boolean sendFile(HttpServletRequest request, ChunkContent chunk, BlobStore blobs) {
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
}
