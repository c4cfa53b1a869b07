package ai.ailock.distribution.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Raw loopback HTTP without any of the service's work, for the same bytes over the same client: PUT streams the
 * body to a file (and fsyncs it, as the service's blob store does); GET streams the file back. It is nginx from the
 * peers folder when nginx is installed, otherwise the JDK's own HTTP server doing the same.
 */
interface LoopbackBaseline extends AutoCloseable {
  String name();

  String putUrl();

  String getUrl();

  @Override
  void close();

  static LoopbackBaseline start(Path work, Path file) throws IOException, InterruptedException {
    if (Nginx.available()) {
      return Nginx.start(work, file);
    }
    return jdk(work, file);
  }

  /** PUTs {@code file} in fixed-length streaming mode; @return its length */
  static long put(String url, Path file) {
    try {
      var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setRequestMethod("PUT");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(Files.size(file));
      try (InputStream in = Files.newInputStream(file); OutputStream out = connection.getOutputStream()) {
        byte[] buffer = new byte[256 * 1024];
        for (int n; (n = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, n);
        }
      }
      if (connection.getResponseCode() >= 300) {
        throw new IllegalStateException("baseline PUT answered " + connection.getResponseCode());
      }
      connection.getInputStream().readAllBytes();
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GETs {@code url} and counts the body; @return its length */
  static long get(String url) {
    try {
      var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      long total = 0;
      byte[] buffer = new byte[256 * 1024];
      try (InputStream body = connection.getInputStream()) {
        for (int n; (n = body.read(buffer)) != -1; ) {
          total += n;
        }
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LoopbackBaseline jdk(Path work, Path file) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    Path stored = work.resolve("put.bin");
    server.createContext("/", exchange -> {
      byte[] buffer = new byte[256 * 1024];
      if (exchange.getRequestMethod().equals("PUT")) {
        try (InputStream in = exchange.getRequestBody();
             FileChannel out = FileChannel.open(stored, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                 StandardOpenOption.TRUNCATE_EXISTING)) {
          for (int n; (n = in.read(buffer)) != -1; ) {
            out.write(java.nio.ByteBuffer.wrap(buffer, 0, n));
          }
          out.force(true);
        }
        exchange.sendResponseHeaders(201, -1);
      } else {
        exchange.sendResponseHeaders(200, Files.size(file));
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
          in.transferTo(out);
        }
      }
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return new LoopbackBaseline() {
      @Override public String name() { return "JDK HttpServer (nginx not installed)"; }
      @Override public String putUrl() { return base + "/put"; }
      @Override public String getUrl() { return base + "/get"; }
      @Override public void close() { server.stop(0); }
    };
  }
}
